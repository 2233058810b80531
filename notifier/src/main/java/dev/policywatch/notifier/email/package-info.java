/**
 * Email alerts: {@link dev.policywatch.notifier.email.EmailMessages} renders subject, plain text and HTML
 * (every crawled string escaped, no CR/LF in headers); {@link dev.policywatch.notifier.email.SmtpSender}
 * sends them with Jakarta Mail on a Session of its own, with List-Unsubscribe (RFC 8058) and a
 * Message-ID derived from the delivery id, and maps SMTP replies to outcomes (4xx retry, 5xx give up
 * and suppress the address).
 */
package dev.policywatch.notifier.email;
