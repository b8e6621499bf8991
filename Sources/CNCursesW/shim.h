#ifndef CROSSINGS_CNCURSESW_SHIM_H
#define CROSSINGS_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

// Attribute macros Swift cannot import.
static const attr_t crossings_A_BOLD = A_BOLD;
static const attr_t crossings_A_REVERSE = A_REVERSE;
static const attr_t crossings_A_UNDERLINE = A_UNDERLINE;
static const attr_t crossings_A_DIM = A_DIM;

// Swift 6 rejects the mutable C globals; read them through functions.
static inline WINDOW *crossings_stdscr(void) { return stdscr; }
static inline int crossings_lines(void) { return LINES; }
static inline int crossings_cols(void) { return COLS; }

extern int wcwidth(wchar_t);

// OSC 8 hyperlinks (issue 14): makes ncurses believe the terminal shows something else in `n`
// cells of row `y` from column `x` (their attributes in curscr, ncurses' copy of the terminal,
// set to ones the explorer never draws), so the next doupdate() writes exactly those cells again,
// as newscr has them: text, colours and attributes, with ncurses' own cursor and attribute
// bookkeeping. curscr's cursor is left where it was.
static inline int crossings_redraw_cells(int y, int x, int n) {
    WINDOW *cur = curscr;
    int oy = getcury(cur), ox = getcurx(cur);
    int rc = mvwchgat(cur, y, x, n, A_BLINK | A_INVIS, 0, NULL);
    wmove(cur, oy, ox);
    return rc;
}

// Whether the current terminal can move the cursor ("cup"): a terminal that cannot
// (TERM=dumb) cannot show a full-screen explorer.
extern char *tigetstr(const char *);
static inline int crossings_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != 0 && cup != (char *)-1;
}
#endif
