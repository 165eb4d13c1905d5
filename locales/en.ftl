## Tasks as cards
task-card-title = #{ $id } · { $title }
task-card-status = Status: { $status }
task-card-lead = Lead unit: { $unit }
task-card-product = Product: { $product }
task-card-note = Latest note: { $note }
task-due-none = Due: { $text ->
    [none] no deadline
   *[other] { $text }
  }
task-due-date = Due: { $date }
task-due-left = Due: { $date } ({ $days ->
    [one] { $days } day left
   *[other] { $days } days left
})
task-due-today = Due: { $date } (due today)
task-due-late = Due: { $date } ({ $days ->
    [one] { $days } day late
   *[other] { $days } days late
})

status-open = Not started
status-in_progress = In progress
status-blocked = Blocked
status-done = Done
status-cancelled = Cancelled
status-with-percent = { $status } ({ $percent }%)

button-in-progress = In progress
button-done = Done
button-blocked = Blocked
button-extension = Ask for more time
button-next-page = Show more

## /start and linking
start-how-to-link = Hello! To use dondoc, link this account to your staff record.
    Ask the office for a link code, then open the link they send or type: /start CODE
start-linked = This account is now linked to { $name }. dondoc will remind you of deadlines and take your updates here.
start-next-steps = Type /tasks to see your open tasks, /help for the commands.
start-already-linked = This account is already linked to { $name }.
start-code-unknown = That link code is not valid. Please check it or ask the office for a new one.
start-code-used = That link code has already been used. Each code works once; please ask the office for a new one.
start-code-expired = That link code has expired. Please ask the office for a new one.
start-code-account-taken = This account is already linked to another staff member. One account links to one person; contact the office to change it.
link-first = This account is not linked yet. Ask the office for a link code, then type: /start CODE

## /tasks
tasks-empty = You have no open tasks. 👍
tasks-page-gone = The list has changed; type /tasks to see it again.
tasks-header = { $total ->
    [one] You have 1 open task:
   *[other] You have { $total } open tasks (showing { $from }–{ $to }), soonest deadline first:
}
tasks-more = { $remaining ->
    [one] 1 more task.
   *[other] { $remaining } more tasks.
}

## Answers
answer-saved = Updated: { $status }.
answer-unchanged = This task is already { $status }.
answer-not-yours = Cannot update: this task is not yours or no longer exists. Nothing was changed.
answer-cancelled = This task was cancelled; nothing was changed.
answer-too-long = That is too long (at most { $max } characters). Nothing was changed; please shorten it and send again.
answer-empty-note = The note is empty; nothing was changed.
answer-note-saved = Note saved for task #{ $id }.
answer-blocked-saved = Marked as blocked.
answer-extension-ask = Please type the new deadline.
prompt-blocked-reason = Task #{ $id } · { $title }
    Marked as blocked. What is blocking it? Reply to this message with the reason (for example: waiting for figures from the Finance Department).
prompt-extension = Task #{ $id } · { $title }
    Until when? Type the new date and a reason, for example: 20/12 waiting for figures
extension-date-invalid = I could not read the date. Please type it as day/month or day/month/year, for example 20/12 or 20/12/2025, with a reason.
extension-date-too-early = The new deadline must be after { $date }. Please type the date and reason again.
extension-requested = Extension request for task #{ $id } to { $date } sent. Your unit head will review it and dondoc will tell you the decision.
answer-which-task = You have several tasks. Reply to that task's message, or add the task number, for example: done #15
answer-task-not-found = Task #{ $id } was not found. Type /tasks to see task numbers.
answer-note-needs-task = To add a note to a task, reply to that task's message or add its number, for example: #15 draft sent. Type /tasks for the list.
answer-no-open-tasks = You have no open tasks to update.
answer-menu-range = Please choose a number from 1 to { $max }.

## Commands
cmd-start = Link your account with the office's code
cmd-tasks = See your open tasks and report progress
cmd-help = dondoc's commands
cmd-lang = Change language (vi or en)
help-intro = dondoc reminds you of deadlines and takes your progress updates. Commands:
help-intro-unlinked = dondoc reminds you of deadlines and takes your progress updates. First link your account with the office's code. Commands:
help-answers = Quick answers: press the buttons under each task, or reply to a task's message with: done · in progress · 50% · blocked: reason · extend 20/12 reason
lang-usage = Usage: /lang vi or /lang en
lang-changed = Switched to English.

## Errors and bad input
command-unknown = There is no /{ $command } command. Type /help for the commands.
action-invalid = This button is invalid or outdated. Nothing was changed; type /tasks for a fresh list.
text-too-long = That message is too long (at most { $max } characters). Nothing was changed; please shorten it.
unsupported-message = dondoc reads text messages only. Type /tasks to see your tasks, or reply to a task's message in text.
error-internal = Sorry, dondoc hit an error while handling that. Your message has been saved; please try again in a few minutes.
error-internal-not-saved = Sorry, dondoc hit an error and could not save that message. Please send it again in a few minutes.

## Admin command line
cli-usage-header = Usage: npm run dondoc -- <command>
cli-usage-migrate = migrate — bring the database schema up to date
cli-usage-staff-import = staff import FILE.csv|xlsx — load units and staff (columns name,unit,role,phone)
cli-usage-staff-link-code = staff link-code PHONE — make a link code for one staff member
cli-usage-task-add = task add --title TEXT --owner PHONE [--unit PATH] [--due YYYY-MM-DD] [--product TEXT]
cli-unknown-command = There is no command "{ $command }".
cli-failed = Error: { $message }
cli-file-not-found = File { $file } not found.
cli-staff-import-type = Cannot read a { $ext } file: only .csv or .xlsx.
cli-staff-import-header = The header row is missing: { $missing } (needs name,unit,role,phone).
cli-staff-import-bad-row = Line { $line }: { $problem } — skipped.
cli-staff-import-done = Done: { $created } new staff, { $updated } updated, { $unchanged } unchanged, { $skipped } bad lines skipped.
cli-staff-import-no-name = name is missing
cli-staff-import-no-unit = unit is missing
cli-staff-import-bad-role = role "{ $role }" is not valid (one of: { $roles })
cli-staff-import-bad-phone = phone number "{ $phone }" is not valid
cli-staff-import-dup-phone = phone number { $phone } repeats line { $line }
cli-staff-import-progress = Loaded { $done }/{ $total } lines…
cli-usage-login-link = login-link PHONE — a one-time sign-in link to the office workbench (administrators, leaders, unit heads)
cli-login-link-role = { $name } is not an administrator, leader or unit head, so cannot sign in to the workbench.
cli-login-link-for = Sign-in link for { $name } (works once, within { $minutes } minutes):
staff-file-encoding = The file is not Unicode (UTF-8) text: it looks like { $encoding }, which dondoc cannot convert. In Excel choose Save As… → "CSV UTF-8 (Comma delimited)", or save as .xlsx, and upload again.
staff-file-unreadable = This file cannot be read as a table (.csv or .xlsx). Open it in Excel and save it again.
staff-file-too-large = The file is too large: at most 20 MB, and an Excel file may not unpack too large. Split the list into several files.
cli-staff-not-found = No staff member has phone number { $phone }.
cli-link-code-for = Link code for { $name } (single use, expires { $expires }):
cli-link-code-how = On Telegram: open the bot and type /start { $code } — on Zalo: send { $code } to the bot.
cli-title-too-long = The task text is too long (at most { $max } characters).
cli-bad-date = The date "{ $value }" is not valid; use YYYY-MM-DD, for example 2025-12-31.
cli-unit-not-found = There is no unit "{ $unit }". Write the whole path, for example: Sở Tư pháp / Văn phòng Sở.
cli-migrated = Applied: { $list }
cli-migrate-none = The database is already up to date.
cli-db-busy = The embedded database in { $dir } is in use by another process (pid { $pid }). Wait for it to finish, then run this again.
cli-db-busy-unreachable = dondoc (pid { $pid }) holds the embedded database but did not answer. Check the dondoc server and run this again; nothing was changed.

## Server
server-listening = dondoc is running: open { $url }
server-channel-refused = The { $channel } channel could not start: the platform answered “{ $detail }”. Check { $variable } (is the bot token right, does the bot still exist?).

## Zalo
# Numbered menus (Zalo has no buttons): the last line of a message.
menu-line = Reply: { $items }
menu-line-task = Reply: { $items } (with #{ $id }, e.g. { $example })
menu-line-tasks = Reply: { $items } (with the task number, e.g. { $example })
menu-status-in-progress = In progress
menu-status-done = Done
menu-status-blocked = Blocked
menu-status-extension = Extension
menu-number-unknown = The last list has no number { $number }. Please type one of: { $numbers }.
menu-none = The last message has no numbered list. Type a number with the task (e.g. 2 #15), words (e.g. done), or /tasks to see your tasks.
# /kenh: where nudges go for a person linked on both Telegram and Zalo.
cmd-kenh = Choose where reminders go (telegram or zalo)
channel-usage = Usage: /kenh telegram, /kenh zalo, or /kenh auto (the app you used last).
channel-current-chosen = Reminders go to { $channel } (your choice).
channel-current-auto = Reminders go to { $channel } (the app you used last).
channel-current-none = No app can receive your reminders yet.
channel-set = From now on dondoc reminds you on { $channel } only.
channel-auto = From now on dondoc reminds you on the app you used last.
channel-not-linked = You have not linked { $channel } yet. Ask the office for a link code and send it to dondoc on { $channel } first.
# The same messages as above, worded for Zalo (no buttons, no replying to a message).
zalo-help-answers = Quick answers: type a number from the end of a message (e.g. 2 = Done), add the task number when a message lists several tasks (2 #15), or type: done · in progress · 50% · blocked: reason · extend 20/12 reason.
zalo-answer-which-task = You have several tasks. Add the task number to your answer, e.g. 2 #15 or done #15. Type /tasks to see the numbers.
zalo-answer-note-needs-task = To add a note to a task, add its number, e.g. #15 draft sent. Type /tasks to see the list.
zalo-unsupported-message = { $what ->
    [sticker] dondoc does not understand stickers.
    [image] dondoc cannot read images.
   *[other] dondoc cannot read this kind of message.
  } Please answer in words or numbers, e.g. 2 (Done), done, 50%, blocked: reason. Type /tasks to see your tasks.
zalo-start-how-to-link = Hello! To use dondoc, link your Zalo account to your staff record.
    Ask the office for a link code and send it here (or type: /start CODE).
zalo-link-first = This Zalo account is not linked yet. Ask the office for a link code and send it here (or type: /start CODE).
zalo-action-invalid = This choice is not valid or is out of date. Nothing was changed; type /tasks for a fresh list.
zalo-nudge-footer = Type words or a number with the task number, e.g. done #{ $id } or 2 #{ $id }
zalo-escalation-footer = Type a number from the end of this message to open each task.
zalo-prompt-blocked-reason = Task #{ $id } · { $title }
    Marked as blocked. What is blocking it? Type the reason (e.g. waiting for figures from the Finance Department).

## Plan import
plan-preview-header = Document { $number } ({ $issuer }): { $count ->
    [one] 1 task found.
   *[other] { $count } tasks found.
}
plan-preview-lead = Lead: { $units }
plan-preview-support = Support: { $units }
plan-preview-due = Due: { $due }
plan-preview-no-due = not stated
plan-preview-unresolved = Units not recognised: { $names }. These tasks are still imported; add the unit or another name for it and import again to attach it.
plan-preview-doubts = ⚠ Check: { $doubts }
plan-preview-doubtful = { $count ->
    [one] One task has something unclear (marked ⚠): please check it before confirming.
   *[other] { $count } tasks have something unclear (marked ⚠): please check them before confirming.
}
plan-doubt-lead = no lead unit found
plan-doubt-due = no time found
plan-doubt-title = title cut short
plan-preview-all-resolved = All units recognised.
plan-preview-confirm = Nothing has been saved yet. Press Confirm to import these tasks, or Cancel.
button-plan-confirm = Confirm
button-plan-cancel = Cancel
plan-upload-not-allowed = Only an administrator (the office) can import plans. Your file was kept but nothing changed.
plan-upload-type = Cannot take { $name }: plans must be .docx, .pdf, .txt or .xlsx.
plan-upload-too-large = The file is too large (at most { $max } MB). Nothing changed.
plan-upload-error-unsupported-type = Cannot read { $name }: only .docx, .pdf, .txt or .xlsx.
plan-upload-error-scanned = { $name } is a scan (a PDF without a text layer), so dondoc cannot read its words. Please send the Word file or a PDF exported from Word. Nothing was changed.
plan-upload-error-too-large = { $name } is too large, or unpacks to too much, to read safely (at most 20 MB). Please send a smaller file. Nothing was changed.
plan-upload-error-too-long = { $name } has more than a million characters (about 400 pages), more than dondoc reads at once. Please put the part that assigns the tasks (or the appendix) in a file of its own and send that. Nothing was changed.
plan-upload-error-unreadable = Could not read the contents of { $name }. Check that the file opens, then send it again.
plan-upload-error-empty = No tasks were found in { $name }.
plan-draft-already = This proposal was already { $status }.
plan-draft-pending = pending
plan-draft-confirmed = confirmed
plan-draft-cancelled = cancelled
plan-draft-cancelled-text = Import of { $name } cancelled. Nothing was saved.
plan-imported = Imported { $name }: { $created } new tasks, { $updated } updated, { $unchanged } unchanged.
plan-imported-next = Tasks without an owner will be assigned by the lead unit's head with /assign.
cli-usage-plan-import = plan import FILE.txt|docx|pdf|xlsx [--dry-run] [--json] — read a plan and import its tasks
cli-plan-unresolved = Unit not recognised: { $name }

## Assign
cmd-assign = Give your unit's tasks an owner
assign-none = No task of your unit is waiting for an owner. 👍
assign-who = Who should do this? ({ $remaining ->
    [one] 1 task without an owner
   *[other] { $remaining } tasks without an owner
})
button-assign-skip = Skip
assign-done = Task #{ $id } assigned to { $name }.
assign-not-allowed = Only a unit head or a leader can assign tasks.
assign-usage = Usage: /assign or /assign #task_number

## Nudges and escalations (scheduler)
nudge-header = Reminder for { $date } — tasks to report on: { $total }, most urgent first:
nudge-item = { $n }. #{ $id } · { $title }
nudge-overdue = { $days } day(s) overdue (due { $date })
nudge-due-today = Due today ({ $date })
nudge-due-soon = Working days left: { $days } (due { $date })
nudge-more = …and { $count } more: /tasks
nudge-footer = Press the buttons by the task's number, or reply to this message with the task number, e.g.: done #{ $id }
nudge-button-in-progress = { $n } · Working
nudge-button-done = { $n } · Done
nudge-button-blocked = { $n } · Blocked
nudge-button-extension = { $n } · Extend
escalation-header = Follow-up for { $date } — tasks led by your unit that are { $threshold }+ working days overdue: { $total }
escalation-item = { $n }. #{ $id } · { $title }
escalation-item-detail = Owner: { $owners } · { $days } day(s) overdue (due { $date })
escalation-item-note = Latest note: { $note }
escalation-no-owner = not assigned
escalation-more = …and { $count } more: /overdue
escalation-footer = Press "Open" to see and update each task.
escalation-button-open = Open { $n }
escalation-blocked = ⚠️ Task #{ $id } · { $title } is blocked.
    Reported by: { $who } · Owner: { $owners }
    { $due }
    Reason: { $reason }
escalation-blocked-no-reason = no reason given yet
button-open-task = Open task

## Extension decisions
extension-request-head = { $who } asks for more time on task #{ $id } · { $title }
    Current deadline: { $current } → requested: { $requested }
    Reason: { $reason }
extension-no-reason = none given
extension-no-due = no deadline
button-approve = Approve
button-reject = Reject
extension-decided-approved = ✅ { $who } approved the extension to { $date }.
extension-decided-rejected = ❌ { $who } rejected the extension to { $date }.
extension-notice-approved = Extension approved; the requester will be told.
extension-notice-rejected = Extension rejected; the requester will be told.
extension-approved-owner = ✅ Your extension request for task #{ $id } · { $title } was approved by { $who }. New deadline: { $requested } (was { $current }).
extension-rejected-owner = ❌ Your extension request for task #{ $id } · { $title } to { $requested } was rejected by { $who }. The deadline stays { $current }.
extension-already-decided = This request was already decided; nothing changed.
extension-not-yours = Only a head of the lead unit (other than the requester) can decide on this request; nothing changed.

## /overdue
cmd-overdue = Overdue tasks (heads and leaders: by unit)
overdue-mine-none = You have no overdue tasks. 👍
overdue-mine-header = Your overdue tasks: { $count }, longest overdue first:
overdue-mine-item = #{ $id } · { $title } — { $days } day(s) overdue (due { $date })
overdue-mine-footer = Type /tasks to report progress or ask for more time.
overdue-header = Task status — { $unit } ({ $date })
overdue-totals = Overdue: { $overdue } · Due this week: { $week } · Blocked: { $blocked } · No answer for { $days } days: { $stale }
overdue-units-header = By unit (overdue · this week · blocked · no answer):
overdue-unit-line = • { $unit }: { $overdue } · { $week } · { $blocked } · { $stale }
overdue-units-clear = Other units with nothing overdue: { $count }.
overdue-units-all-clear = Units below, none with anything overdue: { $count }.
overdue-top-header = Longest overdue ({ $count }):
overdue-top-item = { $n }. #{ $id } · { $title } — { $unit } — { $owners } — { $days } day(s) overdue
overdue-none = Nothing is overdue. 👍
overdue-no-owner = not assigned

## Morning digest
cmd-digest = Turn the morning digest on or off
digest-usage = Usage: /digest on to receive, /digest off to stop the morning digest. Now: { $state }.
digest-state-on = on
digest-state-off = off
digest-turned-on = Morning digest on (7:30 on working days).
digest-turned-off = Morning digest off. Type /digest on to turn it back on.
digest-not-for-staff = The morning digest is for leaders and unit heads.
digest-header = Morning digest { $date } — { $unit }
digest-section-overdue = Overdue since { $since }: { $count }
digest-section-done = Completed since { $since }: { $count }
digest-section-blocked = New blockers: { $count }
digest-section-extensions = Extension requests waiting: { $count }
digest-section-silent = People not answering reminders: { $count }
digest-section-unreachable = People unreachable (blocked the bot): { $count }
digest-item-task = • #{ $id } · { $title } — { $unit } — { $owners }
digest-item-blocked = • #{ $id } · { $title } — { $owners }: { $note }
digest-item-extension = • #{ $id } · { $title } — { $who } asks for { $date }
digest-item-person = • { $name } ({ $unit }) — tasks: { $count }
digest-item-unreachable = • { $name } ({ $unit })
digest-more = …and { $count } more
digest-nothing = Nothing new since { $since }.
digest-footer = Type /overdue for the state of each unit.

## Admin command line: scheduler
cli-usage-remind = remind [--at INSTANT] — run one reminder tick and deliver as if it were that instant (ISO, e.g. 2025-12-01T08:00:00+07:00)
cli-usage-digest = digest [--at INSTANT] — plan and deliver the morning digest as if it were that instant
cli-bad-instant = "{ $value }" is not a valid instant; use ISO with an offset, e.g. 2025-12-01T08:00:00+07:00.
cli-remind-at = Reminder tick at { $at } (Vietnam time)
cli-digest-at = Morning digest at { $at } (Vietnam time)
cli-no-channel = No sending channel is configured (TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN); nothing was queued or sent.
cli-planner-locked = Another dondoc process is planning; this tick queued nothing.
cli-remind-outside = Outside reminder hours (a working day, inside the send window, after the send time); no reminders are due.
cli-digest-not-owed = Not yet digest time, or not a working day; no digest.
cli-digest-date = Digest of { $date }.
cli-occurrences-created = Created { $count } upcoming occurrences of recurring tasks.
cli-queued = Messages queued: { $count }
cli-queued-line = + { $kind } → { $name } ({ $channel } { $chat }): tasks { $items }
cli-delivery-line = { $mark } { $kind } → { $name }: { $status } { $detail }
cli-sent-detail = (message { $message })
cli-delivered = Sent { $sent } · to retry { $retry } · skipped { $skipped } · failed { $dead } · unreachable { $unreachable }
cli-status-sent = sent
cli-status-retry = will retry
cli-status-dead = failed
cli-status-skipped = skipped
cli-status-unreachable = unreachable
cli-kind-nudge = reminder
cli-kind-escalation = follow-up
cli-kind-escalation-blocked = blocker alert
cli-kind-extension-request = extension request
cli-kind-extension-decision = extension decision
cli-kind-digest = morning digest

## Web
server-listening-demo = dondoc (demo) is running: open { $url }
web-title = dondoc — the task-chasing assistant
web-subtitle-demo = Demo with sample data
web-picker-intro = Pick a person of the Department of Justice (sample data) to talk to dondoc as them.
web-picker-hint = Staff see and report their own tasks; unit heads and leaders type /overdue to see what is late; leaders type /dashboard to open the dashboard.
web-welcome-demo = You are using dondoc as { $name } ({ $role }, { $unit }). Tap /tasks to see the tasks, or type /help for the commands.
web-switch-person = Switch person
web-leave = Leave
web-lang-en = English
web-lang-vi = Tiếng Việt
web-commands = Quick commands
web-placeholder = Type a message, e.g. done #12
web-send = Send
web-reply-to = Replying to:
web-reply-cancel = Cancel
web-reply-button = Reply
web-offline = Connection lost, retrying…
web-error = Could not send. Please try again.
web-too-fast = Too many messages in a minute. Please wait a moment and try again.
role-staff = Staff
role-unit_head = Unit head
role-leader = Leader
role-admin = Administrator

## Dashboard
cmd-dashboard = Open the dashboard or the office workbench in a browser (unit heads, leaders, administrators)
dashboard-link = Open the dondoc dashboard: { $url }
    The link works once and expires in { $minutes } minutes. Do not forward it.
dashboard-office-link = Open your unit's workbench in dondoc: { $url }
    The link works once and expires in { $minutes } minutes. Do not forward it.
dashboard-not-allowed = The dashboard is for leaders and administrators. You can type /overdue to see what is late.
dash-nav-overview = Overview
dash-nav-overdue = Overdue
dash-nav-people = Not linked
dash-logout = Log out
dash-overview-title = Overview · { $unit }
dash-count-overdue = Overdue
dash-trend-title = Overdue tasks over the last 8 weeks
dash-trend-help = Each bar is the number of overdue tasks at the end of that week; the last bar is today.
dash-by-unit = By unit
dash-col-unit = Unit
dash-col-week = Due this week
dash-col-stale = No answer for { $days } days
dash-unit-itself = (led by the unit itself)
dash-scope = Scope: { $unit } and the units under it.
dash-empty = No tasks yet.
dash-filter-unit = Unit
dash-filter-owner = Owner
dash-filter-document = Document
dash-filter-days = Overdue
dash-filter-days-option = { $days }+ days
dash-filter-all = All
dash-filter-apply = Filter
dash-filter-clear = Clear
dash-overdue-count = { $count } overdue
dash-overdue-none = Nothing is overdue with these filters.
dash-overdue-more = Showing { $shown } of { $total }; the Excel file has them all.
dash-export = Download Excel
dash-days-late = { $days ->
    [one] 1 day late
   *[other] { $days } days late
}
dash-due = due { $date }
dash-task-timing = Timing
dash-task-product = Product
dash-task-periods = Periods
dash-col-period = Period
dash-task-history = History of updates
dash-task-no-history = No updates yet.
dash-history-status = Reported status: { $status }
dash-history-note = Added a note
dash-history-extension = Asked for an extension to { $date }
dash-history-approved = Extension approved
dash-history-rejected = Extension rejected
dash-history-system = dondoc
dash-people-help = Give each person their code. On Telegram: open the bot and type /start CODE; on Zalo: send CODE to the bot; on dondoc's web page: type /start CODE.
dash-people-none = Everyone in your scope has linked a chat account.
dash-col-name = Name
dash-col-role = Role
dash-col-phone = Phone
dash-col-code = Link code
dash-code-until = until { $date }
dash-code-create = Create code
dash-login-title = Dashboard login
dash-login-as = Open the dondoc dashboard as { $name }?
dash-login-button = Open the dashboard
dash-login-note = The link works only once. The session ends by itself after 8 hours.
dash-link-title = This link cannot be used
dash-link-unknown = The link is not valid.
dash-link-used = This link has already been used.
dash-link-expired = The link has expired (it is valid for 15 minutes).
dash-link-again = Send /dashboard to dondoc in the chat to get a new link.
dash-expired-title = Please log in again
dash-expired = Your session has expired or you are not logged in. Send /dashboard to dondoc in the chat to get a login link.
dash-forbidden-title = Access denied
dash-forbidden-role = The dashboard is only for leaders and administrators.
dash-forbidden-scope = This page is outside your unit's scope.
dash-cross-site = The request did not come from a dondoc page and was refused; nothing changed.
dash-logged-out-title = Logged out
dash-logged-out = You have logged out of the dashboard.
report-sheet = Report
report-about-sheet = About
report-col-stt = No.
report-col-task = Task
report-col-document = Document
report-col-lead = Lead unit
report-col-support = Cooperating units
report-col-owners = Owners
report-col-due = Due
report-col-status = Status
report-col-days-late = Days late
report-col-note = Latest note
report-title-overdue = Overdue tasks
report-title-period = Task progress report, due from { $from } to { $to }
report-generated-at = Made at { $at } (Vietnam time)
report-row-count = Rows: { $count }
report-scope = Scope: { $unit } and the units under it
report-scope-all = Scope: the whole organisation
report-filter-days = Overdue by { $days } days or more
report-by = Made by: { $name }
cli-usage-demo = demo — load the sample organisation (a Department of Justice, its people, the tasks of the sample plan) into an empty database
cli-usage-report = report [--period 2026-Q4|2026 | --from YYYY-MM-DD --to YYYY-MM-DD] [--unit UNIT] --out FILE.docx|.xlsx — the compiled report (Word) or the progress table (Excel)

## Report rounds (issue 12)
round-period-quarter = quarter { $quarter } of { $year }
round-period-year = the year { $year }
round-period-range = from { $from } to { $to }
round-name-quarter = Q{ $quarter }/{ $year }
round-name-year = { $year }
round-name-range = { $from } – { $to }
round-standing-done-on-time = Done on time
round-standing-done-late = Done late
round-standing-overdue = Overdue, not done
round-standing-in-progress = In progress (not yet due)
round-result-with-product = { $result }; product: { $product }
round-doc-number = No.:       /BC-
round-doc-nation = SOCIALIST REPUBLIC OF VIETNAM
round-doc-motto = Independence - Freedom - Happiness
round-doc-place-date = ……, { $day }/{ $month }/{ $year }
round-doc-kind = REPORT
round-doc-subject = Results of the tasks for { $period }
round-doc-section-results = I. PROGRESS AND RESULTS
round-doc-summary = The period has { $total } tasks: { $onTime } done on time, { $late } done late, { $inProgress } in progress and not yet due, { $overdue } overdue and not done; units reported results for { $answered }/{ $total } tasks.
round-doc-unit-line = - { $unit }: { $total } tasks; done on time { $onTime }, done late { $late }, in progress { $inProgress }, overdue { $overdue }; reported { $answered }/{ $total }.
round-doc-no-unit = No lead unit
round-doc-task-result = - { $title } ({ $unit }): { $result }
round-doc-section-problems = II. SHORTCOMINGS AND THEIR CAUSES
round-doc-section-proposals = III. PROPOSALS
round-doc-none = None.
round-doc-task-line = - { $title } ({ $unit }): { $text }
round-doc-overdue-line = - Overdue: { $title } ({ $unit }), due { $due }.
round-doc-recipients = To:
round-doc-recipients-list = - The Director (for report); - Archive.
round-doc-appendix = APPENDIX
round-doc-appendix-subject = Results of the tasks for { $period }
round-doc-scorecard = UNITS' COMPLETION OF THEIR TASKS
round-col-stt = No.
round-col-task = Task
round-col-lead = Lead unit
round-col-due = Deadline
round-col-status = Status
round-col-result = Result/product
round-col-late-reason = Reason for delay
round-score-unit = Unit
round-score-total = Total
round-score-on-time = On time
round-score-late = Done late
round-score-in-progress = In progress
round-score-overdue = Not done (overdue)
round-score-answered = Reported
round-score-all = Total
round-sheet-appendix = Appendix
round-sheet-scorecard = Unit scorecard
round-status-collecting = collecting
round-status-compiled = compiled
monitoring-sheet = Monitoring
monitoring-col-task = Task
monitoring-col-lead = Lead unit
monitoring-col-due = Deadline
monitoring-col-status = Status
monitoring-col-result = Result
monitoring-col-product = Product
monitoring-col-last-update = Last update
round-ask-header = 📋 Results for { $round } (the office compiles them on { $due })
round-ask-task = #{ $id } · { $title }
round-ask-details = Lead unit: { $unit } · Due: { $due } · Status: { $status }
round-ask-last = Last reported result: { $result }
round-ask-how = Reply to this message: what was done, the product, difficulties, proposals (you may write "Product: …", "Difficulties: …", "Proposals: …"); or "keep" to keep the last result.
zalo-round-ask-how = Answer with the task number and the text: "{ $id } what was done; Product: …; Difficulties: …; Proposals: …", or "{ $id } keep" to keep the last result.
round-reminder-header = ⏰ { $count } tasks still without results for { $round } (compiled on { $due }):
round-reminder-item = • #{ $id } · { $title }
round-reminder-how = Reply to the message about each task, or type the task number and the text (for example "15 keep").
round-report-header = 📄 Compiled report for { $round }
round-report-link = • { $name }: { $url }
round-report-links-once = Each link downloads once, within 7 days.
round-answer-closed = The report for task #{ $id } is already compiled; this is not in it. Please send it to the office directly.
round-answer-empty = No result found for task #{ $id }. Write what was done, or "keep".
round-answer-nothing-to-keep = Task #{ $id } has no earlier result to keep. Write what was done.
round-answer-saved = Result recorded for task #{ $id } · { $title }.
round-answer-kept = Last result kept for task #{ $id } · { $title }.
round-answer-left = { $count } tasks still to report: { $ids }.
round-answer-all = Your unit has reported every task of this round. Thank you!
digest-section-not-reported = Not reported yet for { $period }: { $count } units
cmd-subscribe = Post the unit's morning digest in this group
cmd-unsubscribe = Stop posting the unit's digest in this group
subscribe-only-groups = Use this in your unit's Telegram group: add the bot to the group, then send /subscribe.
subscribe-not-allowed = Only the head or a leader of the unit can subscribe a group.
subscribe-done = This group will get the morning digest, blockers and escalations of { $unit }. Send /unsubscribe to stop.
unsubscribe-none = This group is not subscribed.
unsubscribe-done = This group no longer gets the unit's digest.
cli-usage-round-open = round open --period 2026-Q4|2026 | --from YYYY-MM-DD --to YYYY-MM-DD [--due YYYY-MM-DD] [--plan DOCUMENT_ID] — open a report round
cli-usage-round-list = round list — report rounds, and which units have not reported
cli-usage-round-policy = round policy [--quarter-day N] [--year-day DD/MM] [--collect-days N] [--ask unit_head|owner] [--auto on|off] — the report round policy
cli-round-bad-period = Not a period: { $value } (for example 2026-Q4 or 2026)
cli-round-bad-plan = No document { $value } (see the document id when importing the plan)
cli-round-opened = Report round #{ $id } ({ $period }) opened: compiled on { $due }, units asked from { $from }.
cli-round-exists = Report round #{ $id } ({ $period }) is already open: compiled on { $due }, units asked from { $from }.
cli-round-none = No report rounds yet.
cli-round-line = #{ $id } { $period } · due { $due } · { $status } · { $reported }/{ $units } units fully reported
cli-round-missing = missing: { $unit } ({ $answered }/{ $asked })
cli-round-bad-number = Not a valid value: { $value } (from { $min } to { $max })
cli-round-bad-year-day = Not a valid yearly report day: { $value } (for example 10/12)
cli-round-policy = Report rounds: quarterly on day { $quarterDay } of the quarter's last month; yearly on { $yearDay }; asked { $days } working days before; asking the { $ask }; open by themselves: { $auto }.
cli-round-ask-unit_head = head of the lead unit
cli-round-ask-owner = owners
cli-usage-monitoring = monitoring export [--period P | --from D --to D] [--unit UNIT] --out FILE.xlsx|.csv — every task's progress for the monitoring systems
cli-report-unit-unknown = No unit { $unit }.
cli-report-unit-ambiguous = { $count } units are named { $unit }; give the whole path (for example "Sở Tư pháp / Văn phòng Sở").
cli-report-needs-period = A Word report needs a period: --period 2026-Q4 or --from … --to ….
report-scope-unit = Scope: { $unit } and the units under it
download-title = Download the report
download-ask = Press the button to download the report.
download-button = Download
download-once = This link works once.
download-unknown = This download link is not valid.
download-used = This link was already used. Ask the office to send it again.
download-expired = This link has expired. Ask the office to send it again.
cli-demo-loaded = Sample organisation loaded: { $units } units, { $people } people, { $tasks } tasks.
cli-demo-next = Run npm start (no token needed) and open dondoc's web page to try it.
cli-demo-already = The sample organisation is already there; nothing loaded again.
cli-demo-not-empty = The database already holds units or people that are not the sample; the sample organisation was not loaded, so nothing gets mixed up.
cli-report-range = The start date { $from } is after the end date { $to }.
cli-report-written = Wrote { $count } rows to { $file }

## Admin command line: working-day calendar and nudge policy
cli-usage-calendar-list = calendar list [--year YYYY] — the year's public holidays, make-up working days and the office's own days, as the scheduler sees them
cli-usage-calendar-off = calendar off DATE [--note TEXT] — make a date a day off (e.g. a provincial holiday); DATE as dd/mm/yyyy or YYYY-MM-DD
cli-usage-calendar-work = calendar work DATE [--note TEXT] — make a date a working day (e.g. a make-up Saturday)
cli-usage-calendar-clear = calendar clear DATE — remove the office's own setting for a date, back to the official calendar
cli-usage-policy-show = policy show — the reminder policy in use
cli-usage-policy-set = policy set [--due-soon 7,3,1] [--send-at HH:MM] [--window HH:MM-HH:MM] [--escalate-after N] [--digest-at HH:MM] — change the reminder policy
cli-usage-policy-reset = policy reset — back to the default reminder policy
cli-weekday = { $day ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
}
cli-calendar-bad-date = "{ $value }" is not a date; use dd/mm/yyyy (e.g. 02/09/2026) or YYYY-MM-DD (e.g. 2026-09-02). Nothing was changed.
cli-calendar-no-such-date = There is no such day as "{ $value }" (check the day and the month). Nothing was changed.
cli-calendar-bad-year = The year "{ $value }" is not valid; only { $min } to { $max }. Nothing was changed.
cli-calendar-note-too-long = The note is too long (at most { $max } characters). Nothing was changed.
cli-calendar-header = The { $year } calendar as the scheduler sees it (public holidays, make-up working days and the office's own days; other Saturdays and Sundays are days off and not listed):
cli-calendar-line = { $weekday } { $date } · { $state } · { $detail }
cli-calendar-state-off = day off
cli-calendar-state-work = working day
cli-calendar-override = set by the office
cli-calendar-override-note = set by the office: { $note }
cli-calendar-official = (official calendar: { $official })
cli-calendar-estimate = { $name } (estimated)
cli-calendar-unverified = { $name }: not confirmed as an official day off, so it counts as a working day; use calendar off if the office is closed
cli-calendar-plain-working = weekday
cli-calendar-plain-weekend = weekend
cli-calendar-estimated-year = No official holiday notice is recorded for { $year }; its days off are estimated from the Labour Code. Correct any date with calendar off / calendar work.
cli-calendar-override-count = Dates set by the office this year: { $count }.
cli-calendar-marked-off = { $date } is now a day off.
cli-calendar-marked-work = { $date } is now a working day.
cli-calendar-same-as-official = The official calendar already says so; the office's setting is kept anyway and stays if the official calendar changes.
cli-calendar-cleared = Removed the office's setting for { $date }; it follows the official calendar again.
cli-calendar-clear-none = The office has no setting for { $date }; nothing was changed.
cli-calendar-now = Now: { $line }
cli-policy-header = The reminder policy in use (Vietnam time, working days only):
cli-policy-due-soon = Due-soon reminders, working days before the deadline: { $days } — { $source }
cli-policy-send-at = Reminder time: { $time } — { $source }
cli-policy-window = Send window: { $from }–{ $to } — { $source }
cli-policy-escalate = Tell the unit head after this many working days late: { $days } — { $source }
cli-policy-digest-at = Morning digest: { $time } — { $source }
cli-policy-default = default
cli-policy-office = set by the office (default: { $default })
cli-policy-stored-invalid = The stored policy cannot be used ({ $problems }); the scheduler is using the default policy. Fix it with policy set or policy reset.
cli-policy-warning = Note: { $problem }
cli-policy-saved = The reminder policy was saved.
cli-policy-reset-done = Back to the default reminder policy.
cli-policy-invalid = This reminder policy cannot be used; nothing was saved:
cli-policy-bad-time = "{ $value }" is not a time; use HH:MM, e.g. 08:00. Nothing was saved.
cli-policy-bad-window = "{ $value }" is not a time window; use HH:MM-HH:MM, e.g. 07:30-17:30. Nothing was saved.
cli-policy-bad-days = "{ $value }" is not a list of days; use whole numbers separated by commas, e.g. 7,3,1. Nothing was saved.
cli-policy-bad-number = "{ $value }" is not a whole number; e.g. 3. Nothing was saved.
cli-policy-problem-window-empty = the send window { $from }–{ $to } is empty: it must end after it starts
cli-policy-problem-send-after-window = the reminder time { $time } is not before the send window closes ({ $to }), so no reminder would ever go out
cli-policy-problem-due-soon = the due-soon days (--due-soon) must be whole numbers of at least 1
cli-policy-problem-escalate = the working days late before the unit head is told (--escalate-after) must be a whole number of at least 1
cli-policy-problem-minute = { $option } must be a time of day, 00:00 to 23:59
cli-policy-problem-office-hours = the send window must lie within { $earliest }–{ $latest }: reminders go to staff's personal phones and should not arrive early in the morning or at night
cli-policy-problem-digest = the morning digest time { $time } must be inside the send window { $from }–{ $to }; outside it the digest would never be sent

## Office workbench (/office)
office-nav-staff = Staff
office-nav-links = Link codes
office-nav-plans = Plans
office-nav-tasks = Tasks
office-nav-dashboard = Dashboard
office-nav-office = Office
office-expired = Your session has ended or you are not signed in. Send /dashboard to dondoc in chat (or run "npm run dondoc -- login-link PHONE") for a new sign-in link.
office-forbidden-role = The office workbench is for administrators, leaders and unit heads.
office-nothing-changed = Nothing was changed.
office-upload-file = File
office-upload-button = Upload and preview
office-upload-problem = The file was not loaded
office-upload-malformed = The upload was not in the expected form. Choose the file and send it again from this page.
office-upload-none = No file was chosen.
office-file-named = File: { $file }
office-cancel = Cancel
office-show = Show
office-remove = Remove
office-save = Save
office-search = Search
office-already-applied = This form was already confirmed (perhaps it was sent twice); this submission did nothing more.
office-draft-unknown = This preview was not found. Upload the file again.
office-stale-title = The data has changed
office-stale = The task changed after this page was opened (perhaps the form was sent twice). Open the task again to see its latest state.
office-col-line = Line
office-col-reason = Reason
office-col-ref = Item
office-col-title = Task
office-col-lead = Lead unit
office-col-support = Supporting units
office-col-due = Time
office-col-product = Product
office-col-owner = Owner
office-col-plan = Plan
office-staff-help = A staff list as .csv or .xlsx with columns: name, unit (a path such as "Sở Tư pháp / Văn phòng Sở"), role, phone. Excel's CSV (comma or semicolon), Unicode (UTF-8, UTF-16), TCVN3 and Windows-1258 are read. Nothing is stored before you confirm.
office-staff-preview-title = Staff list preview
office-staff-summary = { $file }: { $add } new, { $change } changed, { $same } unchanged, { $skip } lines skipped.
office-staff-encoding = The file was read as { $encoding } and converted to Unicode.
office-staff-skip = Lines skipped ({ $count })
office-staff-add = New people ({ $count })
office-staff-change = Changes ({ $count })
office-staff-nothing = The list has nothing new to store.
office-staff-confirm = Confirm and store { $count } people
office-staff-outside = unit "{ $unit }" is outside your unit's scope
office-staff-applying = Storing the staff list
office-staff-applied-title = Staff list
office-staff-applied = Stored { $count } people from { $file }.
office-staff-failed = Storing the list failed.
office-staff-next-links = Hand out link codes to the people not linked yet →
office-links-help = { $count } people have not linked a chat account. Each card has a code, the Telegram link and its QR code, and how to link on Zalo.
office-links-make = Make codes for the { $count } people without one
office-links-print = To print cards for a meeting: press Ctrl+P (⌘P on a Mac); one card per person.
office-links-code = Link code:
office-links-telegram = Telegram: scan the QR code or open the link and press Start. Or send /start { $code } to the bot.
office-links-telegram-code = Telegram: send /start { $code } to your unit's bot.
office-links-zalo = Zalo: open your unit's bot in Zalo and send the code { $code }.
office-links-no-code = No code yet: press "Make codes" above.
office-plans-help = Upload a plan as .docx, .pdf (with a text layer), .txt or .xlsx (up to 20 MB). dondoc reads its tasks and lets you correct them before storing; uploading a corrected plan again updates it, never duplicates.
office-plans-stored = Stored plans
office-plans-none = No plan in your unit's scope yet.
office-draft-title = Check the plan's tasks
office-draft-summary = { $file } (no. { $number }): { $count } tasks, { $doubtful } to check (highlighted).
office-draft-help = Edit the cells directly; separate several units with semicolons. The empty rows at the end add missing tasks. An owner must belong to the lead unit.
office-draft-confirm = Confirm and store the plan
office-draft-no-title = Item { $ref }: the task has no title (tick "Remove" to drop the row).
office-draft-empty = No task is left to store.
office-draft-bad-owner = Item { $ref } ({ $title }): the owner must belong to the lead unit, within your scope.
office-draft-saved = The plan is stored. Owners see their tasks with /tasks in chat.
office-tasks-none = No task matches.
office-tasks-count = { $count } tasks
office-task-edit = Edit the task
office-task-due = Due (date)
office-task-owner = Reassign
office-task-owners-now = Assigned to: { $owners }
office-task-reassign = Assign
office-task-cancel = Cancel the task
office-task-cancel-reason = Reason for cancelling
office-task-cancel-button = Cancel the task
office-task-cancelled = This task was cancelled.
office-task-saved = Changes saved.
office-task-problem = The change was not saved
office-task-bad-title = The title cannot be empty (at most 2000 characters).
office-task-bad-product = The product is longer than 2000 characters.
office-task-bad-due = "{ $due }" is not a valid date.
office-task-need-lead = Choose a lead unit.
office-task-owner-outside = The owner must belong to { $unit } (the lead unit).
office-task-need-reason = Write why the task is cancelled (at most 1000 characters).
dash-history-edit = The office edited the task
dash-history-assign = Owner assigned
dash-history-cancel = Task cancelled
dash-field-title = Title
dash-field-product = Product
dash-field-due = Due
dash-field-lead = Lead unit
dash-field-owners = Owners
dash-field-status = Status
task-cancelled-owner = ⛔ Task #{ $id } · { $title } was cancelled by { $who }. Reason: { $reason }. You need not report on it any more.
dash-nav-rounds = Report rounds
dash-rounds-title = Report rounds
dash-rounds-none = No report rounds yet. The office opens one with round open.
dash-round-due = due { $due }
dash-round-progress = reported { $answered }/{ $asked } tasks
dash-scorecard-title = Unit scorecard, period { $period }
dash-scorecard-period = Period
## Group chats (the bot never says anything personal in a group)
group-private-only = Personal tasks are sent only in a private chat. Please write to the bot privately.
group-help = dondoc chases each person's tasks in private chats. Write to the bot privately and send /help.
group-link-refused = Accounts are not linked in a group. Write to the bot privately: /start CODE
