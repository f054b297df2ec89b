// A table wider than a phone (five columns of words at 320 px) scrolls inside a box of its own instead of
// breaking its words or widening the page, with or without <style>. The box takes no width of its own when
// the layout's tables size themselves (width:0, so its content never widens the column), then the column's
// whole width (min-width:100%). Clients that ignore a div's width (Outlook for Windows) show the table as before.
// The HTML here is sanitised: `<table` and `</table>` are only ever tags, so each table gets its own box.

export const SCROLL_BOX = '<div style="overflow-x:auto;width:0;min-width:100%">';

export const scrollTables = (html: string): string =>
  html.includes('<table')
    ? html.replace(/<table\b/g, `${SCROLL_BOX}<table`).replace(/<\/table>/g, '</table></div>')
    : html;
