package dev.policywatch.api.subscriptions;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The target of a {@link SubscriptionRequest} is what its channel takes: an RFC 5322 address for
 * email, a webhook URL for a webhook channel, nothing for console. Checked by the notifier (which
 * knows the channels); its messages name the field.
 */
@Documented
@Constraint(validatedBy = {})
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidTarget {

    String message() default "target is not what the channel takes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
