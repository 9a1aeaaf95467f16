/**
 * The browser bridge's wire names, shared by the host and the page. A call
 * must carry the header: a form or a cross-origin page cannot send it
 * without a CORS preflight, which the bridge never grants.
 */
export const bridgeScreenHeader = 'x-onewindow-screen';

/** Where the terminal's launched browser exchanges its one-time code for the screen cookie. */
export const bridgeLaunchPath = '/launch';

/** Where a screen sends the pairing code a technician read off the terminal's setup screen. */
export const bridgePairPath = '/pair';
