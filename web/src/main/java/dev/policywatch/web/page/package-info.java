/**
 * What every page shares: rendering a Thymeleaf view into a response ({@link
 * dev.policywatch.web.page.Pages}), turning failures into error pages without stack traces, the
 * security headers and path-traversal guard ({@link dev.policywatch.web.page.PageGuardFilter}), and
 * small formatting helpers for view models ({@link dev.policywatch.web.page.Formats}).
 */
package dev.policywatch.web.page;
