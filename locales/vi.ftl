## Tasks as cards
task-card-title = #{ $id } · { $title }
task-card-status = Trạng thái: { $status }
task-card-lead = Chủ trì: { $unit }
task-card-product = Sản phẩm: { $product }
task-card-note = Ghi chú mới nhất: { $note }
task-due-none = Hạn: { $text ->
    [none] chưa có hạn
   *[other] { $text }
  }
task-due-date = Hạn: { $date }
task-due-left = Hạn: { $date } (còn { $days } ngày)
task-due-today = Hạn: { $date } (hạn là hôm nay)
task-due-late = Hạn: { $date } (quá hạn { $days } ngày)

status-open = Chưa bắt đầu
status-in_progress = Đang thực hiện
status-blocked = Vướng mắc
status-done = Hoàn thành
status-cancelled = Đã hủy
status-with-percent = { $status } ({ $percent }%)

button-in-progress = Đang thực hiện
button-done = Hoàn thành
button-blocked = Vướng mắc
button-extension = Xin gia hạn
button-next-page = Xem tiếp

## /start and linking
start-how-to-link = Chào anh/chị! Để dùng dondoc, anh/chị cần liên kết tài khoản với hồ sơ cán bộ.
    Hãy xin Văn phòng mã liên kết, rồi mở đường dẫn được gửi kèm hoặc gõ: /start MÃ
start-linked = Đã liên kết tài khoản với { $name }. Từ nay dondoc sẽ nhắc việc và nhận báo cáo của anh/chị tại đây.
start-next-steps = Gõ /tasks để xem việc đang mở, /help để xem các lệnh.
start-already-linked = Tài khoản này đã liên kết với { $name }.
start-code-unknown = Mã liên kết không đúng. Vui lòng kiểm tra lại hoặc xin Văn phòng mã mới.
start-code-used = Mã liên kết này đã được dùng. Mỗi mã chỉ dùng một lần; vui lòng xin Văn phòng mã mới.
start-code-expired = Mã liên kết đã hết hạn. Vui lòng xin Văn phòng mã mới.
start-code-account-taken = Tài khoản này đã liên kết với một cán bộ khác. Mỗi tài khoản chỉ liên kết với một người; hãy liên hệ Văn phòng nếu cần đổi.
link-first = Tài khoản này chưa được liên kết. Hãy xin Văn phòng mã liên kết rồi gõ: /start MÃ

## /tasks
tasks-empty = Anh/chị không có việc nào đang mở. 👍
tasks-page-gone = Danh sách đã thay đổi; gõ /tasks để xem lại.
tasks-header = { $total ->
    [1] Anh/chị có 1 việc đang mở:
   *[other] Anh/chị có { $total } việc đang mở (hiển thị { $from }–{ $to }), hạn gần nhất trước:
}
tasks-more = Còn { $remaining } việc nữa.

## Answers
answer-saved = Đã cập nhật: { $status }.
answer-unchanged = Việc này đã ở trạng thái { $status }.
answer-not-yours = Không thể cập nhật: việc này không thuộc anh/chị hoặc không còn tồn tại. Không có gì thay đổi.
answer-cancelled = Việc này đã bị hủy; không có gì thay đổi.
answer-too-long = Nội dung quá dài (tối đa { $max } ký tự). Không có gì thay đổi; vui lòng rút gọn và gửi lại.
answer-empty-note = Ghi chú trống; không có gì thay đổi.
answer-note-saved = Đã ghi nhận ghi chú cho việc #{ $id }.
answer-blocked-saved = Đã ghi nhận vướng mắc.
answer-extension-ask = Vui lòng nhập ngày hạn mới.
prompt-blocked-reason = Việc #{ $id } · { $title }
    Đã ghi nhận là vướng mắc. Vướng mắc gì? Hãy trả lời tin nhắn này bằng lý do (ví dụ: chờ số liệu của Sở Tài chính).
prompt-extension = Việc #{ $id } · { $title }
    Xin gia hạn đến ngày nào? Gõ ngày mới và lý do, ví dụ: 20/12 chờ số liệu
extension-date-invalid = Chưa đọc được ngày. Vui lòng gõ ngày theo dạng ngày/tháng hoặc ngày/tháng/năm, ví dụ: 20/12 hoặc 20/12/2025, kèm lý do.
extension-date-too-early = Ngày hạn mới phải sau { $date }. Vui lòng gõ lại ngày và lý do.
extension-requested = Đã gửi đề nghị gia hạn việc #{ $id } đến ngày { $date }. Lãnh đạo đơn vị sẽ xem xét và dondoc sẽ báo lại kết quả.
answer-which-task = Anh/chị đang có nhiều việc. Hãy trả lời (reply) đúng tin nhắn của việc đó, hoặc thêm số việc, ví dụ: xong #15
answer-task-not-found = Không tìm thấy việc #{ $id }. Gõ /tasks để xem số của các việc.
answer-note-needs-task = Để ghi chú cho một việc, hãy trả lời (reply) tin nhắn của việc đó, hoặc thêm số việc, ví dụ: #15 đã gửi dự thảo. Gõ /tasks để xem danh sách.
answer-no-open-tasks = Anh/chị không có việc nào đang mở để cập nhật.
answer-menu-range = Vui lòng chọn một số từ 1 đến { $max }.

## Commands
cmd-start = Liên kết tài khoản bằng mã của Văn phòng
cmd-tasks = Xem việc đang mở và báo cáo tiến độ
cmd-help = Các lệnh của dondoc
cmd-lang = Đổi ngôn ngữ (vi hoặc en)
help-intro = dondoc nhắc việc và nhận báo cáo tiến độ. Các lệnh:
help-intro-unlinked = dondoc nhắc việc và nhận báo cáo tiến độ. Trước hết hãy liên kết tài khoản bằng mã của Văn phòng. Các lệnh:
help-answers = Trả lời nhanh: bấm nút dưới mỗi việc, hoặc trả lời tin nhắn của việc bằng: xong · đang làm · 50% · vướng: lý do · gia hạn 20/12 lý do
lang-usage = Cách dùng: /lang vi hoặc /lang en
lang-changed = Đã chuyển sang tiếng Việt.

## Errors and bad input
command-unknown = Không có lệnh /{ $command }. Gõ /help để xem các lệnh.
action-invalid = Nút này không hợp lệ hoặc đã cũ. Không có gì thay đổi; gõ /tasks để lấy danh sách mới.
text-too-long = Tin nhắn quá dài (tối đa { $max } ký tự). Không có gì thay đổi; vui lòng rút gọn.
unsupported-message = dondoc chỉ đọc tin nhắn chữ. Hãy gõ /tasks để xem việc, hoặc trả lời tin nhắn của việc bằng chữ.
error-internal = Xin lỗi, dondoc gặp lỗi khi xử lý. Tin nhắn của anh/chị đã được lưu lại; vui lòng thử lại sau ít phút.
error-internal-not-saved = Xin lỗi, dondoc gặp lỗi và chưa lưu được tin nhắn này. Vui lòng gửi lại sau ít phút.

## Admin command line
cli-usage-header = Cách dùng: npm run dondoc -- <lệnh>
cli-usage-migrate = migrate — cập nhật cấu trúc cơ sở dữ liệu
cli-usage-staff-import = staff import TỆP.csv|xlsx — nạp đơn vị và cán bộ (cột name,unit,role,phone)
cli-usage-staff-link-code = staff link-code SỐ_ĐIỆN_THOẠI — tạo mã liên kết cho một cán bộ
cli-usage-task-add = task add --title NỘI_DUNG --owner SỐ_ĐIỆN_THOẠI [--unit ĐƠN_VỊ] [--due YYYY-MM-DD] [--product SẢN_PHẨM]
cli-unknown-command = Không có lệnh "{ $command }".
cli-failed = Lỗi: { $message }
cli-file-not-found = Không tìm thấy tệp { $file }.
cli-staff-import-type = Không đọc được tệp { $ext }: chỉ nhận .csv hoặc .xlsx.
cli-staff-import-header = Dòng tiêu đề thiếu cột: { $missing } (cần name,unit,role,phone).
cli-staff-import-bad-row = Dòng { $line }: { $problem } — bỏ qua.
cli-staff-import-done = Xong: { $created } cán bộ mới, { $updated } cập nhật, { $unchanged } không đổi, { $skipped } dòng lỗi bị bỏ qua.
cli-staff-import-no-name = thiếu họ tên
cli-staff-import-no-unit = thiếu đơn vị
cli-staff-import-bad-role = vai trò "{ $role }" không hợp lệ (chọn một trong: { $roles })
cli-staff-import-bad-phone = số điện thoại "{ $phone }" không hợp lệ
cli-staff-import-dup-phone = số điện thoại { $phone } trùng với dòng { $line }
cli-staff-import-progress = Đã nạp { $done }/{ $total } dòng…
cli-usage-login-link = login-link SĐT — đường dẫn đăng nhập một lần vào trang làm việc của Văn phòng (quản trị, lãnh đạo, trưởng đơn vị)
cli-login-link-role = { $name } không phải quản trị, lãnh đạo hay trưởng đơn vị, nên không đăng nhập trang làm việc được.
cli-login-link-for = Đường dẫn đăng nhập cho { $name } (dùng một lần, trong { $minutes } phút):
staff-file-encoding = Tệp không phải chữ Unicode (UTF-8): có vẻ là { $encoding }, dondoc không tự chuyển được. Trong Excel chọn Lưu thành… → "CSV UTF-8 (phân cách bằng dấu phẩy)", hoặc lưu thành .xlsx, rồi nạp lại.
staff-file-unreadable = Không đọc được tệp này như một bảng (.csv hoặc .xlsx). Hãy mở bằng Excel và lưu lại.
staff-file-too-large = Tệp quá lớn: tối đa 20 MB, và tệp Excel không được giải nén quá lớn. Hãy chia danh sách thành nhiều tệp.
cli-staff-not-found = Không có cán bộ nào có số điện thoại { $phone }.
cli-link-code-for = Mã liên kết cho { $name } (dùng một lần, hết hạn ngày { $expires }):
cli-link-code-how = Trên Telegram: mở bot và gõ /start { $code } — trên Zalo: gửi { $code } cho bot.
cli-title-too-long = Nội dung nhiệm vụ quá dài (tối đa { $max } ký tự).
cli-bad-date = Ngày "{ $value }" không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2025-12-31.
cli-unit-not-found = Không có đơn vị "{ $unit }". Ghi đủ đường dẫn, ví dụ: Sở Tư pháp / Văn phòng Sở.
cli-migrated = Đã áp dụng: { $list }
cli-migrate-none = Cơ sở dữ liệu đã ở phiên bản mới nhất.
cli-db-busy = Cơ sở dữ liệu nhúng trong { $dir } đang được tiến trình khác dùng (pid { $pid }). Hãy chờ lệnh đó xong rồi chạy lại.
cli-db-busy-unreachable = dondoc (pid { $pid }) đang giữ cơ sở dữ liệu nhúng nhưng không trả lời. Hãy kiểm tra máy chủ dondoc rồi chạy lại; không có gì thay đổi.

## Server
server-listening = dondoc đang chạy: mở { $url }
server-channel-refused = Không khởi động được kênh { $channel }: nền tảng trả lời “{ $detail }”. Hãy kiểm tra { $variable } (mã bot có đúng không, bot còn tồn tại không).

## Zalo
# Numbered menus (Zalo has no buttons): the last line of a message.
menu-line = Trả lời: { $items }
menu-line-task = Trả lời: { $items } (kèm #{ $id }, ví dụ: { $example })
menu-line-tasks = Trả lời: { $items } (kèm số việc, ví dụ: { $example })
menu-status-in-progress = Đang làm
menu-status-done = Xong
menu-status-blocked = Vướng mắc
menu-status-extension = Gia hạn
menu-number-unknown = Danh sách vừa gửi không có số { $number }. Vui lòng gõ một trong các số: { $numbers }.
menu-none = Tin nhắn vừa rồi không có danh sách số để chọn. Hãy gõ số kèm số việc (ví dụ: 2 #15), gõ chữ (ví dụ: xong), hoặc gõ /tasks để xem việc.
# /kenh: where nudges go for a person linked on both Telegram and Zalo.
cmd-kenh = Chọn kênh nhận nhắc việc (telegram hoặc zalo)
channel-usage = Cách dùng: /kenh telegram, /kenh zalo, hoặc /kenh auto (theo kênh anh/chị dùng gần nhất).
channel-current-chosen = Nhắc việc đang gửi qua { $channel } (anh/chị đã chọn).
channel-current-auto = Nhắc việc đang gửi qua { $channel } (kênh anh/chị dùng gần nhất).
channel-current-none = Chưa có kênh nào nhận được nhắc việc của anh/chị.
channel-set = Từ nay dondoc chỉ nhắc việc qua { $channel }.
channel-auto = Từ nay dondoc nhắc việc qua kênh anh/chị dùng gần nhất.
channel-not-linked = Anh/chị chưa liên kết { $channel }. Hãy xin Văn phòng mã liên kết và gửi mã đó cho dondoc trên { $channel } trước.
# The same messages as above, worded for Zalo (no buttons, no replying to a message).
zalo-help-answers = Trả lời nhanh: gõ số ở cuối tin nhắn (ví dụ 2 = Xong), thêm số việc khi tin nhắn có nhiều việc (2 #15), hoặc gõ: xong · đang làm · 50% · vướng: lý do · gia hạn 20/12 lý do. Có dấu hay không dấu đều được.
zalo-answer-which-task = Anh/chị đang có nhiều việc. Hãy thêm số việc vào câu trả lời, ví dụ: 2 #15 hoặc xong #15. Gõ /tasks để xem số của các việc.
zalo-answer-note-needs-task = Để ghi chú cho một việc, hãy thêm số việc, ví dụ: #15 đã gửi dự thảo. Gõ /tasks để xem danh sách.
zalo-unsupported-message = { $what ->
    [sticker] dondoc chưa hiểu nhãn dán.
    [image] dondoc chưa đọc được hình ảnh.
   *[other] dondoc chưa đọc được loại tin nhắn này.
  } Hãy trả lời bằng chữ hoặc số, ví dụ: 2 (Xong), xong, 50%, vướng: lý do. Gõ /tasks để xem việc.
zalo-start-how-to-link = Chào anh/chị! Để dùng dondoc, anh/chị cần liên kết tài khoản Zalo với hồ sơ cán bộ.
    Hãy xin Văn phòng mã liên kết rồi gửi mã đó vào đây (hoặc gõ: /start MÃ).
zalo-link-first = Tài khoản Zalo này chưa được liên kết. Hãy xin Văn phòng mã liên kết rồi gửi mã đó vào đây (hoặc gõ: /start MÃ).
zalo-action-invalid = Lựa chọn này không hợp lệ hoặc đã cũ. Không có gì thay đổi; gõ /tasks để lấy danh sách mới.
zalo-nudge-footer = Gõ chữ hoặc số kèm số việc, ví dụ: xong #{ $id } hoặc 2 #{ $id }
zalo-escalation-footer = Gõ số ở cuối tin nhắn để mở từng việc.
zalo-prompt-blocked-reason = Việc #{ $id } · { $title }
    Đã ghi nhận là vướng mắc. Vướng mắc gì? Hãy gõ lý do (ví dụ: chờ số liệu của Sở Tài chính).

## Plan import
plan-preview-header = Văn bản { $number } ({ $issuer }): tìm thấy { $count } nhiệm vụ.
plan-preview-lead = Chủ trì: { $units }
plan-preview-support = Phối hợp: { $units }
plan-preview-due = Thời hạn: { $due }
plan-preview-no-due = không ghi
plan-preview-unresolved = Chưa nhận ra đơn vị: { $names }. Các nhiệm vụ này vẫn được nhập; hãy thêm đơn vị hoặc tên gọi khác rồi nhập lại để gắn đơn vị.
plan-preview-doubts = ⚠ Cần kiểm tra: { $doubts }
plan-preview-doubtful = { $count } nhiệm vụ có điểm chưa rõ (đánh dấu ⚠): hãy xem lại trước khi xác nhận.
plan-doubt-lead = chưa rõ đơn vị chủ trì
plan-doubt-due = chưa rõ thời hạn
plan-doubt-title = tên nhiệm vụ bị cắt ngắn
plan-preview-all-resolved = Đã nhận ra tất cả đơn vị.
plan-preview-confirm = Chưa có gì được lưu. Bấm Xác nhận để nhập các nhiệm vụ trên, hoặc Hủy.
button-plan-confirm = Xác nhận
button-plan-cancel = Hủy
plan-upload-not-allowed = Chỉ quản trị viên (Văn phòng) mới nhập được kế hoạch. Tệp của anh/chị đã được lưu lại nhưng không có gì thay đổi.
plan-upload-type = Không nhận tệp { $name }: chỉ nhận kế hoạch dạng .docx, .pdf, .txt hoặc .xlsx.
plan-upload-too-large = Tệp quá lớn (tối đa { $max } MB). Không có gì thay đổi.
plan-upload-error-unsupported-type = Không đọc được { $name }: chỉ nhận .docx, .pdf, .txt hoặc .xlsx.
plan-upload-error-scanned = { $name } là bản chụp (PDF không có lớp chữ), nên dondoc không đọc được chữ trong đó. Hãy gửi bản Word hoặc bản PDF xuất từ Word. Không có gì thay đổi.
plan-upload-error-too-large = { $name } quá lớn hoặc giải nén ra quá lớn để đọc an toàn (tối đa 20 MB). Hãy gửi bản gọn hơn. Không có gì thay đổi.
plan-upload-error-too-long = { $name } dài quá 1 triệu ký tự (khoảng 400 trang), vượt mức dondoc đọc được trong một lần. Hãy tách phần giao nhiệm vụ (hoặc Phụ lục) ra một tệp riêng rồi gửi lại. Không có gì thay đổi.
plan-upload-error-unreadable = Không đọc được nội dung tệp { $name }. Hãy kiểm tra tệp có mở được không rồi gửi lại.
plan-upload-error-empty = Không tìm thấy nhiệm vụ nào trong { $name }.
plan-draft-already = Đề xuất này đã { $status }.
plan-draft-pending = đang chờ
plan-draft-confirmed = được xác nhận
plan-draft-cancelled = bị hủy
plan-draft-cancelled-text = Đã hủy nhập { $name }. Không có gì được lưu.
plan-imported = Đã nhập { $name }: { $created } nhiệm vụ mới, { $updated } cập nhật, { $unchanged } không đổi.
plan-imported-next = Nhiệm vụ chưa có người thực hiện sẽ do trưởng đơn vị chủ trì giao bằng lệnh /assign.
cli-usage-plan-import = plan import TỆP.txt|docx|pdf|xlsx [--dry-run] [--json] — đọc kế hoạch và nhập nhiệm vụ
cli-plan-unresolved = Chưa nhận ra đơn vị: { $name }

## Assign
cmd-assign = Giao người thực hiện cho việc của đơn vị
assign-none = Không còn việc nào của đơn vị chưa có người thực hiện. 👍
assign-who = Giao việc này cho ai? (còn { $remaining } việc chưa giao)
button-assign-skip = Bỏ qua
assign-done = Đã giao việc #{ $id } cho { $name }.
assign-not-allowed = Chỉ trưởng đơn vị hoặc lãnh đạo mới giao việc được.
assign-usage = Cách dùng: /assign hoặc /assign #số_việc

## Nudges and escalations (scheduler)
nudge-header = Nhắc việc ngày { $date }: anh/chị có { $total } việc cần báo cáo, việc gấp nhất trước:
nudge-item = { $n }. #{ $id } · { $title }
nudge-overdue = Quá hạn { $days } ngày (hạn { $date })
nudge-due-today = Hạn là hôm nay ({ $date })
nudge-due-soon = Còn { $days } ngày làm việc (hạn { $date })
nudge-more = …và { $count } việc nữa: /tasks
nudge-footer = Bấm nút theo số thứ tự của việc, hoặc trả lời tin nhắn này kèm số việc, ví dụ: xong #{ $id }
nudge-button-in-progress = { $n } · Đang làm
nudge-button-done = { $n } · Xong
nudge-button-blocked = { $n } · Vướng
nudge-button-extension = { $n } · Gia hạn
escalation-header = Báo cáo đôn đốc ngày { $date }: { $total } việc do đơn vị chủ trì đã quá hạn từ { $threshold } ngày làm việc trở lên:
escalation-item = { $n }. #{ $id } · { $title }
escalation-item-detail = Người thực hiện: { $owners } · quá hạn { $days } ngày (hạn { $date })
escalation-item-note = Ghi chú mới nhất: { $note }
escalation-no-owner = chưa giao người
escalation-more = …và { $count } việc nữa: /overdue
escalation-footer = Bấm "Mở" để xem và cập nhật từng việc.
escalation-button-open = Mở { $n }
escalation-blocked = ⚠️ Việc #{ $id } · { $title } đang vướng mắc.
    Người báo: { $who } · Người thực hiện: { $owners }
    { $due }
    Lý do: { $reason }
escalation-blocked-no-reason = chưa nêu lý do
button-open-task = Mở việc

## Extension decisions
extension-request-head = { $who } xin gia hạn việc #{ $id } · { $title }
    Hạn hiện tại: { $current } → đề nghị: { $requested }
    Lý do: { $reason }
extension-no-reason = không nêu
extension-no-due = chưa có hạn
button-approve = Đồng ý
button-reject = Từ chối
extension-decided-approved = ✅ { $who } đã đồng ý gia hạn đến ngày { $date }.
extension-decided-rejected = ❌ { $who } không đồng ý gia hạn đến ngày { $date }.
extension-notice-approved = Đã đồng ý gia hạn; người đề nghị sẽ được báo.
extension-notice-rejected = Đã từ chối gia hạn; người đề nghị sẽ được báo.
extension-approved-owner = ✅ Đề nghị gia hạn việc #{ $id } · { $title } đã được { $who } đồng ý. Hạn mới: { $requested } (hạn cũ: { $current }).
extension-rejected-owner = ❌ Đề nghị gia hạn việc #{ $id } · { $title } đến ngày { $requested } không được { $who } đồng ý. Hạn vẫn là { $current }.
extension-already-decided = Đề nghị này đã được xử lý trước đó; không có gì thay đổi.
extension-not-yours = Chỉ lãnh đạo của đơn vị chủ trì (không phải người đề nghị) mới xử lý được đề nghị này; không có gì thay đổi.

## /overdue
cmd-overdue = Việc quá hạn (lãnh đạo, trưởng đơn vị: theo đơn vị)
overdue-mine-none = Anh/chị không có việc nào quá hạn. 👍
overdue-mine-header = Anh/chị có { $count } việc quá hạn, lâu nhất trước:
overdue-mine-item = #{ $id } · { $title } — quá hạn { $days } ngày (hạn { $date })
overdue-mine-footer = Gõ /tasks để báo cáo tiến độ hoặc xin gia hạn.
overdue-header = Tình hình thực hiện nhiệm vụ — { $unit } (ngày { $date })
overdue-totals = Quá hạn: { $overdue } · Đến hạn trong tuần: { $week } · Vướng mắc: { $blocked } · { $days } ngày chưa báo cáo: { $stale }
overdue-units-header = Theo đơn vị (quá hạn · trong tuần · vướng mắc · chưa báo cáo):
overdue-unit-line = • { $unit }: { $overdue } · { $week } · { $blocked } · { $stale }
overdue-units-clear = { $count } đơn vị còn lại không có việc quá hạn.
overdue-units-all-clear = Cả { $count } đơn vị đều không có việc quá hạn.
overdue-top-header = { $count } việc quá hạn lâu nhất:
overdue-top-item = { $n }. #{ $id } · { $title } — { $unit } — { $owners } — quá hạn { $days } ngày
overdue-none = Không có việc nào quá hạn. 👍
overdue-no-owner = chưa giao người

## Morning digest
cmd-digest = Bật/tắt báo cáo buổi sáng (on hoặc off)
digest-usage = Cách dùng: /digest on để nhận, /digest off để tắt báo cáo buổi sáng. Hiện tại: { $state }.
digest-state-on = đang bật
digest-state-off = đang tắt
digest-turned-on = Đã bật báo cáo buổi sáng (7:30 các ngày làm việc).
digest-turned-off = Đã tắt báo cáo buổi sáng. Gõ /digest on để bật lại.
digest-not-for-staff = Báo cáo buổi sáng dành cho lãnh đạo và trưởng đơn vị.
digest-header = Báo cáo sáng { $date } — { $unit }
digest-section-overdue = Mới quá hạn từ { $since }: { $count } việc
digest-section-done = Đã hoàn thành từ { $since }: { $count } việc
digest-section-blocked = Vướng mắc mới: { $count } việc
digest-section-extensions = Đề nghị gia hạn đang chờ: { $count }
digest-section-silent = Chưa phản hồi nhắc việc: { $count } người
digest-section-unreachable = Không liên lạc được (đã chặn bot): { $count } người
digest-item-task = • #{ $id } · { $title } — { $unit } — { $owners }
digest-item-blocked = • #{ $id } · { $title } — { $owners }: { $note }
digest-item-extension = • #{ $id } · { $title } — { $who } xin đến ngày { $date }
digest-item-person = • { $name } ({ $unit }) — { $count } việc
digest-item-unreachable = • { $name } ({ $unit })
digest-more = …và { $count } nữa
digest-nothing = Không có gì mới từ { $since }.
digest-footer = Gõ /overdue để xem tình hình theo đơn vị.

## Admin command line: scheduler
cli-usage-remind = remind [--at THỜI_ĐIỂM] — chạy một lượt nhắc việc và gửi như thể đang ở thời điểm đó (ISO, ví dụ 2025-12-01T08:00:00+07:00)
cli-usage-digest = digest [--at THỜI_ĐIỂM] — lập và gửi báo cáo buổi sáng như thể đang ở thời điểm đó
cli-bad-instant = Thời điểm "{ $value }" không hợp lệ; dùng dạng ISO có múi giờ, ví dụ 2025-12-01T08:00:00+07:00.
cli-remind-at = Lượt nhắc việc lúc { $at } (giờ Việt Nam)
cli-digest-at = Báo cáo buổi sáng lúc { $at } (giờ Việt Nam)
cli-no-channel = Chưa cấu hình kênh gửi nào (TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN); không có gì được xếp hay gửi.
cli-planner-locked = Một tiến trình dondoc khác đang lập lịch; lượt này không xếp thêm gì.
cli-remind-outside = Ngoài giờ nhắc việc (ngày làm việc, trong khung giờ gửi, sau giờ nhắc); không có nhắc việc nào đến hạn.
cli-digest-not-owed = Chưa đến giờ báo cáo buổi sáng hoặc không phải ngày làm việc; không có báo cáo nào.
cli-digest-date = Báo cáo của ngày { $date }.
cli-occurrences-created = Đã tạo { $count } kỳ sắp tới cho các nhiệm vụ định kỳ.
cli-queued = Đã xếp { $count } tin:
cli-queued-line = + { $kind } → { $name } ({ $channel } { $chat }): { $items } việc
cli-delivery-line = { $mark } { $kind } → { $name }: { $status } { $detail }
cli-sent-detail = (tin số { $message })
cli-delivered = Đã gửi { $sent } · chờ gửi lại { $retry } · bỏ qua { $skipped } · thất bại { $dead } · không liên lạc được { $unreachable }
cli-status-sent = đã gửi
cli-status-retry = sẽ gửi lại
cli-status-dead = thất bại
cli-status-skipped = bỏ qua
cli-status-unreachable = không liên lạc được
cli-kind-nudge = nhắc việc
cli-kind-escalation = báo cáo đôn đốc
cli-kind-escalation-blocked = báo vướng mắc
cli-kind-extension-request = đề nghị gia hạn
cli-kind-extension-decision = kết quả gia hạn
cli-kind-digest = báo cáo buổi sáng

## Web
server-listening-demo = dondoc (bản dùng thử) đang chạy: mở { $url }
web-title = dondoc — trợ lý đôn đốc nhiệm vụ
web-subtitle-demo = Bản dùng thử với dữ liệu mẫu
web-picker-intro = Chọn một người của Sở Tư pháp (dữ liệu mẫu) để trò chuyện với dondoc với tư cách người đó.
web-picker-hint = Cán bộ xem và báo cáo việc của mình; trưởng đơn vị và lãnh đạo gõ /overdue để xem việc quá hạn; lãnh đạo gõ /dashboard để mở bảng điều khiển.
web-welcome-demo = Anh/chị đang dùng dondoc với tư cách { $name } ({ $role }, { $unit }). Bấm /tasks để xem việc, hoặc gõ /help để xem các lệnh.
web-switch-person = Đổi người
web-leave = Thoát
web-lang-en = English
web-lang-vi = Tiếng Việt
web-commands = Lệnh nhanh
web-placeholder = Nhập tin nhắn, ví dụ: xong #12
web-send = Gửi
web-reply-to = Đang trả lời:
web-reply-cancel = Bỏ
web-reply-button = Trả lời
web-offline = Mất kết nối, đang thử lại…
web-error = Không gửi được. Vui lòng thử lại.
web-too-fast = Anh/chị gửi quá nhiều tin trong một phút. Vui lòng chờ một lát rồi thử lại.
role-staff = Chuyên viên
role-unit_head = Trưởng đơn vị
role-leader = Lãnh đạo
role-admin = Quản trị

## Dashboard
cmd-dashboard = Mở bảng điều khiển hoặc trang làm việc Văn phòng trên trình duyệt (trưởng đơn vị, lãnh đạo, quản trị)
dashboard-link = Mở bảng điều khiển dondoc: { $url }
    Đường dẫn dùng một lần, hết hạn sau { $minutes } phút. Không chuyển đường dẫn này cho người khác.
dashboard-office-link = Mở trang làm việc của đơn vị trên dondoc: { $url }
    Đường dẫn dùng một lần, hết hạn sau { $minutes } phút. Không chuyển đường dẫn này cho người khác.
dashboard-not-allowed = Bảng điều khiển dành cho lãnh đạo và quản trị. Anh/chị có thể gõ /overdue để xem việc quá hạn.
dash-nav-overview = Tổng quan
dash-nav-overdue = Quá hạn
dash-nav-people = Chưa liên kết
dash-logout = Đăng xuất
dash-overview-title = Tổng quan · { $unit }
dash-count-overdue = Quá hạn
dash-trend-title = Số việc quá hạn 8 tuần qua
dash-trend-help = Mỗi cột là số việc quá hạn vào cuối tuần đó; cột cuối là hôm nay.
dash-by-unit = Theo đơn vị
dash-col-unit = Đơn vị
dash-col-week = Đến hạn tuần này
dash-col-stale = { $days } ngày chưa trả lời
dash-unit-itself = (việc do đơn vị trực tiếp chủ trì)
dash-scope = Phạm vi: { $unit } và các đơn vị trực thuộc.
dash-empty = Chưa có nhiệm vụ nào.
dash-filter-unit = Đơn vị
dash-filter-owner = Người thực hiện
dash-filter-document = Văn bản
dash-filter-days = Quá hạn
dash-filter-days-option = từ { $days } ngày
dash-filter-all = Tất cả
dash-filter-apply = Lọc
dash-filter-clear = Bỏ lọc
dash-overdue-count = { $count } việc quá hạn
dash-overdue-none = Không có việc quá hạn nào theo bộ lọc này.
dash-overdue-more = Đang hiển thị { $shown }/{ $total } việc; tệp Excel có đủ tất cả.
dash-export = Tải Excel
dash-days-late = quá hạn { $days } ngày
dash-due = hạn { $date }
dash-task-timing = Thời gian thực hiện
dash-task-product = Sản phẩm
dash-task-periods = Các kỳ
dash-col-period = Kỳ
dash-task-history = Lịch sử cập nhật
dash-task-no-history = Chưa có cập nhật nào.
dash-history-status = Báo trạng thái: { $status }
dash-history-note = Thêm ghi chú
dash-history-extension = Xin gia hạn đến { $date }
dash-history-approved = Đồng ý gia hạn
dash-history-rejected = Không đồng ý gia hạn
dash-history-system = dondoc
dash-people-help = Gửi mã cho từng người. Trên Telegram: mở bot và gõ /start MÃ; trên Zalo: gửi MÃ cho bot; trên trang web của dondoc: gõ /start MÃ.
dash-people-none = Mọi người trong phạm vi của anh/chị đều đã liên kết tài khoản.
dash-col-name = Họ tên
dash-col-role = Vai trò
dash-col-phone = Điện thoại
dash-col-code = Mã liên kết
dash-code-until = đến { $date }
dash-code-create = Tạo mã
dash-login-title = Đăng nhập bảng điều khiển
dash-login-as = Mở bảng điều khiển dondoc với tư cách { $name }?
dash-login-button = Mở bảng điều khiển
dash-login-note = Đường dẫn chỉ dùng được một lần. Phiên làm việc tự hết hạn sau 8 giờ.
dash-link-title = Đường dẫn không dùng được
dash-link-unknown = Đường dẫn không đúng.
dash-link-used = Đường dẫn này đã được dùng.
dash-link-expired = Đường dẫn đã hết hạn (chỉ có hiệu lực 15 phút).
dash-link-again = Gửi /dashboard cho dondoc trong chat để nhận đường dẫn mới.
dash-expired-title = Cần đăng nhập lại
dash-expired = Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Gửi /dashboard cho dondoc trong chat để nhận đường dẫn đăng nhập.
dash-forbidden-title = Không có quyền truy cập
dash-forbidden-role = Bảng điều khiển chỉ dành cho lãnh đạo và quản trị.
dash-forbidden-scope = Trang này nằm ngoài phạm vi đơn vị của anh/chị.
dash-cross-site = Yêu cầu không đến từ trang của dondoc nên đã bị từ chối; không có gì thay đổi.
dash-logged-out-title = Đã đăng xuất
dash-logged-out = Anh/chị đã đăng xuất khỏi bảng điều khiển.
report-sheet = Báo cáo
report-about-sheet = Thông tin
report-col-stt = STT
report-col-task = Nhiệm vụ
report-col-document = Văn bản
report-col-lead = Đơn vị chủ trì
report-col-support = Đơn vị phối hợp
report-col-owners = Người thực hiện
report-col-due = Hạn
report-col-status = Trạng thái
report-col-days-late = Số ngày quá hạn
report-col-note = Ghi chú mới nhất
report-title-overdue = Danh sách nhiệm vụ quá hạn
report-title-period = Báo cáo tiến độ nhiệm vụ có hạn từ { $from } đến { $to }
report-generated-at = Lập lúc { $at } (giờ Việt Nam)
report-row-count = Số dòng: { $count }
report-scope = Phạm vi: { $unit } và các đơn vị trực thuộc
report-scope-all = Phạm vi: toàn bộ tổ chức
report-filter-days = Quá hạn từ { $days } ngày
report-by = Người lập: { $name }
cli-usage-demo = demo — nạp tổ chức mẫu (Sở Tư pháp, cán bộ, nhiệm vụ của kế hoạch mẫu) vào cơ sở dữ liệu trống
cli-usage-report = report [--period 2026-Q4|2026 | --from YYYY-MM-DD --to YYYY-MM-DD] [--unit ĐƠN_VỊ] --out TỆP.docx|.xlsx — báo cáo tổng hợp (Word) hoặc bảng tiến độ (Excel)

## Report rounds (issue 12)
round-period-quarter = quý { $quarter } năm { $year }
round-period-year = năm { $year }
round-period-range = từ ngày { $from } đến ngày { $to }
round-name-quarter = quý { $quarter }/{ $year }
round-name-year = năm { $year }
round-name-range = { $from } – { $to }
round-standing-done-on-time = Hoàn thành đúng hạn
round-standing-done-late = Hoàn thành quá hạn
round-standing-overdue = Quá hạn, chưa hoàn thành
round-standing-in-progress = Đang thực hiện (trong hạn)
round-result-with-product = { $result }; sản phẩm: { $product }
round-doc-number = Số:       /BC-
round-doc-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
round-doc-motto = Độc lập - Tự do - Hạnh phúc
round-doc-place-date = ……, ngày { $day } tháng { $month } năm { $year }
round-doc-kind = BÁO CÁO
round-doc-subject = Kết quả thực hiện nhiệm vụ { $period }
round-doc-section-results = I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN
round-doc-summary = Trong kỳ có { $total } nhiệm vụ: { $onTime } nhiệm vụ hoàn thành đúng hạn, { $late } nhiệm vụ hoàn thành quá hạn, { $inProgress } nhiệm vụ đang thực hiện trong hạn, { $overdue } nhiệm vụ quá hạn chưa hoàn thành; các đơn vị đã báo cáo kết quả { $answered }/{ $total } nhiệm vụ.
round-doc-unit-line = - { $unit }: { $total } nhiệm vụ; hoàn thành đúng hạn { $onTime }, hoàn thành quá hạn { $late }, đang thực hiện { $inProgress }, quá hạn { $overdue }; đã báo cáo { $answered }/{ $total }.
round-doc-no-unit = Chưa xác định đơn vị chủ trì
round-doc-task-result = - { $title } ({ $unit }): { $result }
round-doc-section-problems = II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN
round-doc-section-proposals = III. ĐỀ XUẤT, KIẾN NGHỊ
round-doc-none = Không có.
round-doc-task-line = - { $title } ({ $unit }): { $text }
round-doc-overdue-line = - Nhiệm vụ quá hạn: { $title } ({ $unit }), hạn { $due }.
round-doc-recipients = Nơi nhận:
round-doc-recipients-list = - Giám đốc Sở (để báo cáo); - Lưu: VT, VP.
round-doc-appendix = PHỤ LỤC
round-doc-appendix-subject = Kết quả thực hiện nhiệm vụ { $period }
round-doc-scorecard = ĐÁNH GIÁ MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ CỦA CÁC ĐƠN VỊ
round-col-stt = STT
round-col-task = Nhiệm vụ
round-col-lead = Đơn vị chủ trì
round-col-due = Thời hạn
round-col-status = Tình trạng
round-col-result = Kết quả/sản phẩm
round-col-late-reason = Lý do chậm
round-score-unit = Đơn vị
round-score-total = Tổng số
round-score-on-time = Đúng hạn
round-score-late = Quá hạn đã xong
round-score-in-progress = Đang thực hiện
round-score-overdue = Chưa hoàn thành (quá hạn)
round-score-answered = Đã báo cáo
round-score-all = Tổng cộng
round-sheet-appendix = Phụ lục
round-sheet-scorecard = Đánh giá đơn vị
round-status-collecting = đang thu thập
round-status-compiled = đã tổng hợp
monitoring-sheet = Theo dõi
monitoring-col-task = Nhiệm vụ
monitoring-col-lead = Đơn vị chủ trì
monitoring-col-due = Thời hạn
monitoring-col-status = Tình trạng
monitoring-col-result = Kết quả
monitoring-col-product = Sản phẩm
monitoring-col-last-update = Cập nhật lần cuối
round-ask-header = 📋 Báo cáo kết quả { $round } (Văn phòng tổng hợp ngày { $due })
round-ask-task = #{ $id } · { $title }
round-ask-details = Đơn vị chủ trì: { $unit } · Hạn: { $due } · Tình trạng: { $status }
round-ask-last = Kết quả đã báo cáo: { $result }
round-ask-how = Trả lời tin nhắn này: đã làm được gì, sản phẩm, khó khăn, đề xuất (có thể ghi "Sản phẩm: …", "Khó khăn: …", "Đề xuất: …"); hoặc "giữ nguyên" để giữ kết quả đã báo cáo.
zalo-round-ask-how = Trả lời bằng số nhiệm vụ rồi nội dung: "{ $id } đã làm được gì; Sản phẩm: …; Khó khăn: …; Đề xuất: …", hoặc "{ $id } giữ nguyên" để giữ kết quả đã báo cáo.
round-reminder-header = ⏰ Còn { $count } nhiệm vụ chưa báo cáo kết quả { $round } (hạn tổng hợp { $due }):
round-reminder-item = • #{ $id } · { $title }
round-reminder-how = Trả lời tin nhắn hỏi về từng nhiệm vụ, hoặc gõ "số nhiệm vụ" rồi nội dung (ví dụ "15 giữ nguyên").
round-report-header = 📄 Báo cáo tổng hợp kết quả { $round }
round-report-link = • { $name }: { $url }
round-report-links-once = Mỗi đường dẫn chỉ tải được một lần, trong 7 ngày.
round-answer-closed = Kỳ báo cáo của nhiệm vụ #{ $id } đã tổng hợp xong; ý kiến này không vào báo cáo. Hãy gửi trực tiếp cho Văn phòng.
round-answer-empty = Chưa đọc được kết quả của nhiệm vụ #{ $id }. Hãy ghi đã làm được gì, hoặc "giữ nguyên".
round-answer-nothing-to-keep = Nhiệm vụ #{ $id } chưa có kết quả nào để giữ nguyên. Hãy ghi đã làm được gì.
round-answer-saved = Đã ghi nhận kết quả nhiệm vụ #{ $id } · { $title }.
round-answer-kept = Đã giữ nguyên kết quả kỳ trước cho nhiệm vụ #{ $id } · { $title }.
round-answer-left = Còn { $count } nhiệm vụ chưa báo cáo: { $ids }.
round-answer-all = Đơn vị đã báo cáo đủ các nhiệm vụ của kỳ này. Cảm ơn!
digest-section-not-reported = Chưa báo cáo kết quả kỳ { $period }: { $count } đơn vị
cmd-subscribe = Nhận báo cáo buổi sáng của đơn vị trong nhóm này
cmd-unsubscribe = Thôi nhận báo cáo của đơn vị trong nhóm này
subscribe-only-groups = Lệnh này dùng trong nhóm Telegram của đơn vị: thêm bot vào nhóm rồi gửi /subscribe.
subscribe-not-allowed = Chỉ trưởng đơn vị hoặc lãnh đạo của đơn vị mới đăng ký được cho nhóm.
subscribe-done = Nhóm này sẽ nhận báo cáo buổi sáng, vướng mắc và đôn đốc của { $unit }. Gửi /unsubscribe để thôi.
unsubscribe-none = Nhóm này chưa đăng ký nhận báo cáo.
unsubscribe-done = Nhóm này thôi nhận báo cáo của đơn vị.
cli-usage-round-open = round open --period 2026-Q4|2026 | --from YYYY-MM-DD --to YYYY-MM-DD [--due YYYY-MM-DD] [--plan SỐ_VĂN_BẢN] — mở một kỳ báo cáo
cli-usage-round-list = round list — các kỳ báo cáo, đơn vị nào chưa báo cáo
cli-usage-round-policy = round policy [--quarter-day N] [--year-day DD/MM] [--collect-days N] [--ask unit_head|owner] [--auto on|off] — quy định kỳ báo cáo
cli-round-bad-period = Kỳ không hợp lệ: { $value } (ví dụ 2026-Q4 hoặc 2026)
cli-round-bad-plan = Không có văn bản số { $value } (xem mã văn bản khi nhập kế hoạch)
cli-round-opened = Đã mở kỳ báo cáo #{ $id } ({ $period }): hạn tổng hợp { $due }, hỏi các đơn vị từ { $from }.
cli-round-exists = Kỳ báo cáo #{ $id } ({ $period }) đã mở: hạn tổng hợp { $due }, hỏi các đơn vị từ { $from }.
cli-round-none = Chưa có kỳ báo cáo nào.
cli-round-line = #{ $id } { $period } · hạn { $due } · { $status } · { $reported }/{ $units } đơn vị đã báo cáo đủ
cli-round-missing = chưa đủ: { $unit } ({ $answered }/{ $asked })
cli-round-bad-number = Giá trị không hợp lệ: { $value } (từ { $min } đến { $max })
cli-round-bad-year-day = Ngày báo cáo năm không hợp lệ: { $value } (ví dụ 10/12)
cli-round-policy = Kỳ báo cáo: quý vào ngày { $quarterDay } tháng cuối quý; năm vào ngày { $yearDay }; hỏi trước { $days } ngày làm việc; hỏi { $ask }; tự mở kỳ: { $auto }.
cli-round-ask-unit_head = trưởng đơn vị chủ trì
cli-round-ask-owner = người thực hiện
cli-usage-monitoring = monitoring export [--period P | --from D --to D] [--unit ĐƠN_VỊ] --out TỆP.xlsx|.csv — tiến độ mọi nhiệm vụ cho hệ thống theo dõi
cli-report-unit-unknown = Không có đơn vị { $unit }.
cli-report-unit-ambiguous = Có { $count } đơn vị tên { $unit }; hãy ghi cả đường dẫn (ví dụ "Sở Tư pháp / Văn phòng Sở").
cli-report-needs-period = Báo cáo Word cần một kỳ: --period 2026-Q4 hoặc --from … --to ….
report-scope-unit = Phạm vi: { $unit } và các đơn vị trực thuộc
download-title = Tải báo cáo
download-ask = Bấm nút để tải báo cáo.
download-button = Tải về
download-once = Đường dẫn này chỉ dùng được một lần.
download-unknown = Đường dẫn tải không đúng.
download-used = Đường dẫn này đã được dùng. Hãy xin Văn phòng gửi lại.
download-expired = Đường dẫn này đã hết hạn. Hãy xin Văn phòng gửi lại.
cli-demo-loaded = Đã nạp tổ chức mẫu: { $units } đơn vị, { $people } cán bộ, { $tasks } nhiệm vụ.
cli-demo-next = Chạy npm start (không cần token) rồi mở trang web của dondoc để dùng thử.
cli-demo-already = Tổ chức mẫu đã có sẵn; không nạp lại.
cli-demo-not-empty = Cơ sở dữ liệu đã có đơn vị hoặc cán bộ không phải dữ liệu mẫu; không nạp tổ chức mẫu để tránh lẫn dữ liệu.
cli-report-range = Ngày bắt đầu { $from } sau ngày kết thúc { $to }.
cli-report-written = Đã ghi { $count } dòng vào { $file }

## Admin command line: working-day calendar and nudge policy
cli-usage-calendar-list = calendar list [--year YYYY] — ngày nghỉ lễ, ngày làm bù và các ngày cơ quan đặt riêng trong năm, như bộ nhắc việc đang dùng
cli-usage-calendar-off = calendar off NGÀY [--note GHI_CHÚ] — đặt một ngày là ngày nghỉ (ví dụ ngày nghỉ của tỉnh); NGÀY dạng dd/mm/yyyy hoặc YYYY-MM-DD
cli-usage-calendar-work = calendar work NGÀY [--note GHI_CHÚ] — đặt một ngày là ngày làm việc (ví dụ thứ Bảy làm bù)
cli-usage-calendar-clear = calendar clear NGÀY — bỏ ngày đặt riêng, trở về lịch chung
cli-usage-policy-show = policy show — xem chính sách nhắc việc đang dùng
cli-usage-policy-set = policy set [--due-soon 7,3,1] [--send-at HH:MM] [--window HH:MM-HH:MM] [--escalate-after N] [--digest-at HH:MM] — đổi chính sách nhắc việc
cli-usage-policy-reset = policy reset — trở về chính sách nhắc việc mặc định
cli-weekday = { $day ->
    [mon] Thứ Hai
    [tue] Thứ Ba
    [wed] Thứ Tư
    [thu] Thứ Năm
    [fri] Thứ Sáu
    [sat] Thứ Bảy
   *[sun] Chủ nhật
}
cli-calendar-bad-date = Ngày "{ $value }" không đúng dạng; dùng dd/mm/yyyy (ví dụ 02/09/2026) hoặc YYYY-MM-DD (ví dụ 2026-09-02). Không có gì thay đổi.
cli-calendar-no-such-date = Không có ngày "{ $value }" trên lịch (kiểm tra lại ngày và tháng). Không có gì thay đổi.
cli-calendar-bad-year = Năm "{ $value }" không hợp lệ; chỉ nhận năm từ { $min } đến { $max }. Không có gì thay đổi.
cli-calendar-note-too-long = Ghi chú quá dài (tối đa { $max } ký tự). Không có gì thay đổi.
cli-calendar-header = Lịch năm { $year } như bộ nhắc việc đang dùng (ngày nghỉ lễ, ngày làm bù và ngày cơ quan đặt riêng; các thứ Bảy, Chủ nhật khác là ngày nghỉ, không liệt kê):
cli-calendar-line = { $weekday } { $date } · { $state } · { $detail }
cli-calendar-state-off = nghỉ
cli-calendar-state-work = làm việc
cli-calendar-override = do cơ quan đặt
cli-calendar-override-note = do cơ quan đặt: { $note }
cli-calendar-official = (lịch chung: { $official })
cli-calendar-estimate = { $name } (ước tính)
cli-calendar-unverified = { $name }: chưa xác nhận là ngày nghỉ chính thức nên vẫn tính là ngày làm việc; dùng calendar off nếu cơ quan được nghỉ
cli-calendar-plain-working = ngày thường
cli-calendar-plain-weekend = cuối tuần
cli-calendar-estimated-year = Năm { $year } chưa có thông báo nghỉ lễ chính thức; ngày nghỉ được ước tính theo Bộ luật Lao động. Sửa từng ngày bằng calendar off / calendar work.
cli-calendar-override-count = Số ngày cơ quan đặt riêng trong năm: { $count }.
cli-calendar-marked-off = Đã đặt ngày { $date } là ngày nghỉ.
cli-calendar-marked-work = Đã đặt ngày { $date } là ngày làm việc.
cli-calendar-same-as-official = Theo lịch chung ngày này vốn đã như vậy; ngày đặt riêng vẫn được lưu và giữ nguyên nếu lịch chung thay đổi.
cli-calendar-cleared = Đã bỏ ngày đặt riêng { $date }; ngày này trở về theo lịch chung.
cli-calendar-clear-none = Ngày { $date } không có ngày đặt riêng nào; không có gì thay đổi.
cli-calendar-now = Bây giờ: { $line }
cli-policy-header = Chính sách nhắc việc đang dùng (giờ Việt Nam, chỉ vào ngày làm việc):
cli-policy-due-soon = Nhắc trước hạn: { $days } ngày làm việc trước hạn — { $source }
cli-policy-send-at = Giờ nhắc việc: { $time } — { $source }
cli-policy-window = Khung giờ gửi: { $from }–{ $to } — { $source }
cli-policy-escalate = Báo trưởng đơn vị khi quá hạn { $days } ngày làm việc — { $source }
cli-policy-digest-at = Báo cáo buổi sáng: { $time } — { $source }
cli-policy-default = mặc định
cli-policy-office = do cơ quan đặt (mặc định: { $default })
cli-policy-stored-invalid = Chính sách đã lưu không dùng được ({ $problems }); bộ nhắc việc đang dùng chính sách mặc định. Sửa bằng policy set hoặc policy reset.
cli-policy-warning = Lưu ý: { $problem }
cli-policy-saved = Đã lưu chính sách nhắc việc.
cli-policy-reset-done = Đã trở về chính sách nhắc việc mặc định.
cli-policy-invalid = Chính sách nhắc việc này không dùng được; không có gì được lưu:
cli-policy-bad-time = Giờ "{ $value }" không hợp lệ; dùng HH:MM, ví dụ 08:00. Không có gì được lưu.
cli-policy-bad-window = Khung giờ "{ $value }" không hợp lệ; dùng HH:MM-HH:MM, ví dụ 07:30-17:30. Không có gì được lưu.
cli-policy-bad-days = "{ $value }" không phải danh sách số ngày; dùng các số nguyên cách nhau bởi dấu phẩy, ví dụ 7,3,1. Không có gì được lưu.
cli-policy-bad-number = "{ $value }" không phải số nguyên; ví dụ 3. Không có gì được lưu.
cli-policy-problem-window-empty = khung giờ gửi { $from }–{ $to } trống: giờ kết thúc phải sau giờ bắt đầu
cli-policy-problem-send-after-window = giờ nhắc việc { $time } không trước giờ đóng khung giờ gửi ({ $to }), nên sẽ không có nhắc việc nào
cli-policy-problem-due-soon = số ngày nhắc trước hạn (--due-soon) phải là số nguyên từ 1 trở lên
cli-policy-problem-escalate = số ngày quá hạn trước khi báo trưởng đơn vị (--escalate-after) phải là số nguyên từ 1 trở lên
cli-policy-problem-minute = { $option } phải là một giờ trong ngày, từ 00:00 đến 23:59
cli-policy-problem-office-hours = khung giờ gửi phải nằm trong { $earliest }–{ $latest }: tin nhắc đến điện thoại riêng của cán bộ, không nên gửi lúc sáng sớm hay đêm khuya
cli-policy-problem-digest = giờ báo cáo buổi sáng { $time } phải nằm trong khung giờ gửi { $from }–{ $to }; ngoài khung giờ, báo cáo sẽ không được gửi

## Office workbench (/office)
office-nav-staff = Cán bộ
office-nav-links = Mã liên kết
office-nav-plans = Kế hoạch
office-nav-tasks = Nhiệm vụ
office-nav-dashboard = Bảng điều khiển
office-nav-office = Văn phòng
office-expired = Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Gửi /dashboard cho dondoc trong chat (hoặc chạy "npm run dondoc -- login-link SĐT") để nhận đường dẫn đăng nhập mới.
office-forbidden-role = Trang làm việc của Văn phòng dành cho quản trị, lãnh đạo và trưởng đơn vị.
office-nothing-changed = Không có gì thay đổi.
office-upload-file = Tệp
office-upload-button = Tải lên và xem trước
office-upload-problem = Không nạp được tệp
office-upload-malformed = Yêu cầu tải tệp không đúng dạng. Hãy chọn tệp và gửi lại từ trang này.
office-upload-none = Chưa chọn tệp nào.
office-file-named = Tệp: { $file }
office-cancel = Hủy
office-show = Xem
office-remove = Bỏ
office-save = Lưu
office-search = Tìm
office-already-applied = Biểu mẫu này đã được xác nhận trước đó (có thể do bấm hai lần); lần gửi này không làm gì thêm.
office-draft-unknown = Không tìm thấy bản xem trước này. Hãy tải tệp lên lại.
office-stale-title = Dữ liệu đã thay đổi
office-stale = Nhiệm vụ đã được thay đổi sau khi trang này mở (có thể do bấm gửi hai lần). Hãy mở lại nhiệm vụ để xem bản mới nhất.
office-col-line = Dòng
office-col-reason = Lý do
office-col-ref = Mục
office-col-title = Nhiệm vụ
office-col-lead = Đơn vị chủ trì
office-col-support = Đơn vị phối hợp
office-col-due = Thời gian
office-col-product = Sản phẩm
office-col-owner = Người thực hiện
office-col-plan = Kế hoạch
office-staff-help = Danh sách cán bộ dạng .csv hoặc .xlsx, các cột: họ tên, đơn vị (đường dẫn như "Sở Tư pháp / Văn phòng Sở"), vai trò, số điện thoại. Nhận tệp Excel lưu dạng CSV (dấu phẩy hoặc chấm phẩy), Unicode (UTF-8, UTF-16), TCVN3 hay Windows-1258. Chưa lưu gì trước khi anh/chị xác nhận.
office-staff-preview-title = Xem trước danh sách cán bộ
office-staff-summary = { $file }: { $add } người mới, { $change } thay đổi, { $same } không đổi, { $skip } dòng bỏ qua.
office-staff-encoding = Tệp được đọc theo bảng mã { $encoding } và đã chuyển sang Unicode.
office-staff-skip = Dòng bị bỏ qua ({ $count })
office-staff-add = Người mới ({ $count })
office-staff-change = Thay đổi ({ $count })
office-staff-nothing = Danh sách không có gì mới để lưu.
office-staff-confirm = Xác nhận lưu { $count } người
office-staff-outside = đơn vị "{ $unit }" nằm ngoài phạm vi đơn vị của anh/chị
office-staff-applying = Đang lưu danh sách cán bộ
office-staff-applied-title = Danh sách cán bộ
office-staff-applied = Đã lưu { $count } người từ { $file }.
office-staff-failed = Lưu danh sách không thành công.
office-staff-next-links = Phát mã liên kết cho những người chưa liên kết →
office-links-help = { $count } người chưa liên kết tài khoản chat. Mỗi thẻ có mã, đường dẫn Telegram và mã QR, cách liên kết qua Zalo.
office-links-make = Tạo mã cho { $count } người chưa có mã
office-links-print = Để in phiếu phát tại cuộc họp: bấm Ctrl+P (⌘P trên máy Mac); mỗi người một thẻ.
office-links-code = Mã liên kết:
office-links-telegram = Telegram: quét mã QR hoặc mở đường dẫn, bấm Bắt đầu (Start). Hoặc gửi /start { $code } cho bot.
office-links-telegram-code = Telegram: gửi /start { $code } cho bot của đơn vị.
office-links-zalo = Zalo: mở bot của đơn vị trên Zalo và gửi mã { $code }.
office-links-no-code = Chưa có mã: bấm "Tạo mã" phía trên.
office-plans-help = Tải lên kế hoạch dạng .docx, .pdf (có lớp chữ), .txt hoặc .xlsx (tối đa 20 MB). dondoc đọc các nhiệm vụ và cho anh/chị sửa trước khi lưu; tải lại kế hoạch đã sửa sẽ cập nhật, không tạo trùng.
office-plans-stored = Kế hoạch đã lưu
office-plans-none = Chưa có kế hoạch nào trong phạm vi đơn vị.
office-draft-title = Kiểm tra nhiệm vụ của kế hoạch
office-draft-summary = { $file } (số { $number }): { $count } nhiệm vụ, { $doubtful } cần kiểm tra (tô màu).
office-draft-help = Sửa trực tiếp trong bảng; nhiều đơn vị cách nhau bằng dấu chấm phẩy. Dòng trống cuối bảng để thêm nhiệm vụ còn thiếu. Người thực hiện phải thuộc đơn vị chủ trì.
office-draft-confirm = Xác nhận và lưu kế hoạch
office-draft-no-title = Mục { $ref }: thiếu tên nhiệm vụ (muốn bỏ dòng thì đánh dấu "Bỏ").
office-draft-empty = Không còn nhiệm vụ nào để lưu.
office-draft-bad-owner = Mục { $ref } ({ $title }): người thực hiện phải thuộc đơn vị chủ trì trong phạm vi của anh/chị.
office-draft-saved = Đã lưu kế hoạch. Người thực hiện xem nhiệm vụ bằng /tasks trong chat.
office-tasks-none = Không có nhiệm vụ nào khớp.
office-tasks-count = { $count } nhiệm vụ
office-task-edit = Sửa nhiệm vụ
office-task-due = Hạn (ngày)
office-task-owner = Giao lại
office-task-owners-now = Đang giao cho: { $owners }
office-task-reassign = Giao
office-task-cancel = Hủy nhiệm vụ
office-task-cancel-reason = Lý do hủy
office-task-cancel-button = Hủy nhiệm vụ
office-task-cancelled = Nhiệm vụ này đã bị hủy.
office-task-saved = Đã lưu thay đổi.
office-task-problem = Chưa lưu được thay đổi
office-task-bad-title = Tên nhiệm vụ không được để trống (tối đa 2000 ký tự).
office-task-bad-product = Sản phẩm dài quá 2000 ký tự.
office-task-bad-due = Hạn "{ $due }" không phải một ngày hợp lệ.
office-task-need-lead = Hãy chọn đơn vị chủ trì.
office-task-owner-outside = Người thực hiện phải thuộc { $unit } (đơn vị chủ trì).
office-task-need-reason = Hãy ghi lý do hủy (tối đa 1000 ký tự).
dash-history-edit = Văn phòng sửa nhiệm vụ
dash-history-assign = Giao người thực hiện
dash-history-cancel = Hủy nhiệm vụ
dash-field-title = Tên
dash-field-product = Sản phẩm
dash-field-due = Hạn
dash-field-lead = Đơn vị chủ trì
dash-field-owners = Người thực hiện
dash-field-status = Trạng thái
task-cancelled-owner = ⛔ Việc #{ $id } · { $title } đã được { $who } hủy. Lý do: { $reason }. Anh/chị không cần báo cáo việc này nữa.
dash-nav-rounds = Kỳ báo cáo
dash-rounds-title = Kỳ báo cáo
dash-rounds-none = Chưa có kỳ báo cáo nào. Văn phòng mở kỳ bằng lệnh round open.
dash-round-due = hạn { $due }
dash-round-progress = đã báo cáo { $answered }/{ $asked } nhiệm vụ
dash-scorecard-title = Đánh giá đơn vị, kỳ { $period }
dash-scorecard-period = Kỳ
## Group chats (the bot never says anything personal in a group)
group-private-only = Việc riêng của từng người chỉ được gửi trong tin nhắn riêng. Hãy nhắn riêng cho bot.
group-help = dondoc nhắc việc từng người qua tin nhắn riêng. Hãy nhắn riêng cho bot và gõ /help.
group-link-refused = Không liên kết tài khoản trong nhóm. Hãy nhắn riêng cho bot: /start MÃ
