// Options every ECharts chart of the desk shares.

/**
 * Tooltips drawn on the chart's canvas. ECharts' default HTML tooltips write markup with
 * inline style="" attributes (the colour markers), which the Content-Security-Policy blocks
 * (no 'unsafe-inline' for styles).
 */
export const CANVAS_TOOLTIP = { renderMode: 'richText' } as const
