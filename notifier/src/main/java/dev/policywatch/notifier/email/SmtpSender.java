package dev.policywatch.notifier.email;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertSender;
import dev.policywatch.notifier.delivery.AlertText;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.notifier.subscription.Subscription;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends email alerts over SMTP with Jakarta Mail, on a {@link Session} of its own (never the JVM-wide
 * default one). Messages are multipart/alternative (plain text, HTML), carry
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058),
 * and a Message-ID derived from the delivery id. A 4xx reply or a network error is retried; a 5xx
 * reply to the recipient (user unknown) gives up and suppresses the subscription. Thread-safe.
 */
public final class SmtpSender implements AlertSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);

    private final EmailSettings settings;
    private final Links links;
    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;

    public SmtpSender(EmailSettings settings, Links links, String publicUrl) {
        this.settings = settings;
        this.links = links;
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(settings.timeout().toMillis()));
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        p.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(settings.from().orElseThrow(
                    () -> new IllegalStateException("policywatch.notifier.email.from is not set")), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("policywatch.notifier.email.from is not a valid address", e);
        }
        String host = URI.create(publicUrl).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "policywatch.invalid" : host;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(Alert alert) {
        Subscription s = alert.subscription();
        String unsubscribe = links.unsubscribe(s.id());
        EmailMessages.Rendered r = EmailMessages.alert(alert.content(links::change), unsubscribe);
        return deliver(s, alert.deliveryId(), r, unsubscribe);
    }

    @Override
    public SendResult sendConfirmation(Subscription subscription, long deliveryId) {
        EmailMessages.Rendered r = EmailMessages.confirmation(AlertText.of(subscription.locale()),
                links.confirm(subscription.id()), links.unsubscribe(subscription.id()));
        return deliver(subscription, deliveryId, r, null);
    }

    private SendResult deliver(Subscription s, long deliveryId, EmailMessages.Rendered r, String unsubscribe) {
        try {
            MimeMessage m = new FixedIdMessage(session, "<delivery-" + deliveryId + "@" + messageIdDomain + ">");
            m.setFrom(from);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(s.target(), true));
            m.setSubject(r.subject(), "UTF-8");
            m.setSentDate(new Date());
            if (unsubscribe != null) {
                m.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            m.setHeader("Auto-Submitted", "auto-generated");
            m.setHeader("Content-Language", s.locale().tag());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(r.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(r.html(), "UTF-8", "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            m.setContent(alternative);
            m.saveChanges();
            if (settings.username().isPresent()) {
                Transport.send(m, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(m);
            }
            return SendResult.sent();
        } catch (MessagingException e) {
            return classify(s, e);
        }
    }

    /** 5xx for the recipient: permanent; 4xx, network errors and anything else: retry. */
    static SendResult classify(Subscription s, MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            int code = -1;
            if (x instanceof SMTPAddressFailedException af) {
                code = af.getReturnCode();
            } else if (x instanceof SMTPSendFailedException sf) {
                code = sf.getReturnCode();
            }
            if (code >= 500 && code < 600) {
                String reason = "SMTP " + code + ": " + oneLine(x.getMessage());
                LOG.warn("The mail server refused subscription {} ({}) permanently: {}", s.id(), s.redactedTarget(), reason);
                return new SendResult.Failed(reason, SubscriptionStatus.SUPPRESSED);
            }
            if (code >= 400 && code < 500) {
                return new SendResult.Retry("SMTP " + code + ": " + oneLine(x.getMessage()), null);
            }
            if (x.getCause() instanceof IOException io) {
                return new SendResult.Retry("SMTP server unreachable: " + io, null);
            }
        }
        return new SendResult.Retry("SMTP error: " + oneLine(e.getMessage()), null);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** A MimeMessage whose Message-ID is ours (derived from the delivery id), not a random one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
