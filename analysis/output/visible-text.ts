// Names and descriptions come from scenario files anyone may send. Printed raw, an escape sequence
// would drive the reader's terminal (clear it, retitle it, fake a line) and a right-to-left override
// would show text in another order than it is. Such characters are shown as \uXXXX instead: C0
// controls except newline and tab, DEL, C1 controls, and the bidirectional overrides and isolates.
const invisible = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(invisible, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
