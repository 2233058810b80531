/**
 * {@code render: browser}: pages built in script are loaded in headless Chromium, driven over the
 * DevTools protocol ({@link dev.policywatch.crawler.render.Cdp}); every request the page makes is
 * intercepted and answered by the crawler's own fetcher, so robots.txt, the per-host delay, the caps
 * and the address rule hold inside the browser, and the browser itself never reaches the network.
 */
package dev.policywatch.crawler.render;
