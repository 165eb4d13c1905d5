/**
 * The web chat's stylesheet, served as /assets/chat.css (kept in a string for the same reason as
 * chat-script.ts).
 */
export const CHAT_STYLE = String.raw`/* dondoc web chat: one column the size of a phone, centred on larger screens. */
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { height: 100%; margin: 0; }
body {
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  background: #d9dee4;
  color: #1d2733;
}
.phone {
  display: flex; flex-direction: column;
  max-width: 480px; height: 100%; margin: 0 auto;
  background: #eef1f4; box-shadow: 0 0 24px rgba(0, 0, 0, .12);
}
.bar {
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 10px 12px; background: #0b5e55; color: #fff;
}
.who { display: flex; flex-direction: column; min-width: 0; }
.who strong { font-size: 17px; letter-spacing: .3px; }
.who .sub { font-size: 12.5px; opacity: .9; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tools { display: flex; gap: 6px; flex-shrink: 0; }
.inline { display: inline; margin: 0; }
button { font: inherit; cursor: pointer; }
.bar .ghost { background: transparent; color: #fff; border: 1px solid rgba(255, 255, 255, .6); border-radius: 14px; padding: 3px 10px; font-size: 13px; }
.log { flex: 1; overflow-y: auto; padding: 12px 10px 4px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 88%; padding: 8px 10px 4px; border-radius: 12px; background: #fff; box-shadow: 0 1px 1px rgba(0, 0, 0, .08); }
.msg.bot { align-self: flex-start; border-top-left-radius: 4px; }
.msg.user { align-self: flex-end; background: #d6f2e6; border-top-right-radius: 4px; }
.msg .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .text a { color: #0b5e55; font-weight: 600; }
.buttons { display: flex; gap: 6px; margin-top: 6px; }
.buttons .action {
  flex: 1; min-height: 36px; padding: 6px 8px; border-radius: 8px;
  border: 1px solid #0b5e55; background: #f3faf8; color: #0b5e55; font-weight: 600; font-size: 14px;
}
.buttons .action:active { background: #d6f2e6; }
.buttons .action:disabled { opacity: .5; cursor: progress; }
.meta { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-top: 2px; font-size: 11.5px; color: #6b7785; }
.meta .reply { border: 0; background: none; color: #0b5e55; padding: 2px 0; font-size: 12px; }
.replying { display: flex; align-items: center; gap: 6px; padding: 6px 10px; background: #fff8e1; border-top: 1px solid #f0e0a8; font-size: 13px; }
.replying #replying-text { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.replying .ghost { border: 1px solid #c9b45a; background: none; border-radius: 12px; padding: 1px 8px; }
.chips { display: flex; gap: 6px; overflow-x: auto; padding: 6px 10px; background: #eef1f4; }
.chip { flex-shrink: 0; border: 1px solid #9fb3c1; background: #fff; color: #1d2733; border-radius: 14px; padding: 4px 10px; font-size: 13.5px; }
.composer { display: flex; gap: 6px; padding: 8px 10px 10px; background: #fff; border-top: 1px solid #d5dbe1; }
.composer input { flex: 1; min-width: 0; padding: 9px 12px; border: 1px solid #b8c3cd; border-radius: 18px; font: inherit; }
.composer button { border: 0; border-radius: 18px; padding: 0 16px; background: #0b5e55; color: #fff; font-weight: 600; }
.toast {
  position: fixed; left: 50%; bottom: 84px; transform: translateX(-50%);
  max-width: 420px; width: calc(100% - 40px); padding: 10px 14px; border-radius: 10px;
  background: #1d2733; color: #fff; font-size: 14px; text-align: center; box-shadow: 0 4px 14px rgba(0, 0, 0, .25);
}
.toast.alert { background: #a12a1f; }
.picker { flex: 1; overflow-y: auto; padding: 14px 14px 24px; }
.picker .intro { margin: 0 0 6px; font-size: 15.5px; }
.picker .hint { margin: 0 0 12px; color: #4c5a68; font-size: 13.5px; }
.picker h2 { margin: 16px 0 6px; font-size: 13px; font-weight: 700; text-transform: uppercase; letter-spacing: .4px; color: #4c5a68; }
.people { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.person {
  display: flex; flex-direction: column; align-items: flex-start; gap: 2px; text-align: left;
  padding: 10px 12px; border: 1px solid #c9d2da; border-radius: 10px; background: #fff; color: inherit;
}
.person:hover, .person:focus { border-color: #0b5e55; outline: none; box-shadow: 0 0 0 2px rgba(11, 94, 85, .2); }
.person .name { font-weight: 600; }
.person .role { font-size: 12.5px; color: #4c5a68; }
.person[data-role="leader"] .role, .person[data-role="admin"] .role { color: #a12a1f; font-weight: 600; }
@media (min-width: 520px) { .phone { height: calc(100% - 32px); margin-top: 16px; border-radius: 18px; overflow: hidden; } }
`;
