package dev.policywatch.notifier.subscription;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.SubscriptionRequest;
import dev.policywatch.api.subscriptions.ValidTarget;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * {@link ValidTarget}: the target is what the channel takes. Email: an RFC 5322 address (no display
 * name, at most 254 characters); a webhook channel: a URL of the platform's shape ({@link HookTargets};
 * its allow-list and addresses are checked by the controller, {@code WebhookPolicy}); console: nothing
 * (the target is ignored). A {@code secret} only for a channel that signs, and for {@code webhook} a
 * well-formed {@code whsec_} secret. Each failure
 * has its own message naming the field.
 */
@Singleton
final class TargetValidator implements ConstraintValidator<ValidTarget, SubscriptionRequest> {

    @Override
    public boolean isValid(@Nullable SubscriptionRequest request, AnnotationValue<ValidTarget> annotation,
            ConstraintValidatorContext context) {
        if (request == null || request.channel() == null) {
            return true;
        }
        if (request.channel() == Channel.CONSOLE) {
            if (request.secret() != null) {
                context.messageTemplate(HookTargets.secretProblem(Channel.CONSOLE, request.secret()));
                return false;
            }
            return true;
        }
        String target = request.target();
        if (target == null) {
            context.messageTemplate("target is required");
            return false;
        }
        String problem = request.channel() == Channel.EMAIL ? emailProblem(target)
                : HookTargets.shapeProblem(request.channel(), target);
        if (problem == null && request.secret() != null) {
            problem = HookTargets.secretProblem(request.channel(), request.secret());
        }
        if (problem != null) {
            context.messageTemplate(problem);
            return false;
        }
        return true;
    }

    /** Why {@code raw} is not a single plain RFC 5322 address, or null when it is one. */
    static String emailProblem(String raw) {
        if (raw.length() > 254) {
            return "target: an email address must be at most 254 characters";
        }
        if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "target: an email address must not contain line breaks or control characters";
        }
        try {
            InternetAddress address = new InternetAddress(raw, true);
            address.validate();
            int at = raw.lastIndexOf('@');
            if (address.getPersonal() != null || !raw.equals(address.getAddress()) || at <= 0
                    || at == raw.length() - 1 || raw.contains(",") || raw.contains(" ")) {
                throw new AddressException("not a single plain address");
            }
            return null;
        } catch (AddressException e) {
            return "target: \"" + clip(raw) + "\" is not a valid email address (RFC 5322 addr-spec, like name@example.org)";
        }
    }

    /** The value for a message template: clipped, and without the characters a template interprets. */
    private static String clip(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}{}$\\\\]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
