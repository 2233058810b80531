package dev.policywatch.notifier;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.notifier.delivery.ChangeConsumer;
import dev.policywatch.notifier.delivery.DeliveryWorker;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.notifier.subscription.SubscriptionStore;
import dev.policywatch.support.ServiceStarts;
import dev.policywatch.support.kafka.KafkaSettings;
import dev.policywatch.support.kafka.TopicInitializer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the notifier with the context (on its {@link StartupEvent}, through {@link ServiceStarts}): the schema is migrated (by {@link NotifierDatabase}), the
 * topics exist, the console subscription exists when {@code policywatch.notifier.console.enabled} (and the
 * one it created earlier is stopped when the setting is now false), then
 * the delivery worker and the changes consumer start. Stops them in reverse order.
 */
@Context
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final String BY_CONFIGURATION = "created by configuration";

    private final KafkaSettings kafka;
    private final NotifierSettings settings;
    private final SubscriptionStore store;
    private final DeliveryWorker worker;
    private final ChangeConsumer consumer;

    public Notifier(KafkaSettings kafka, NotifierSettings settings, SubscriptionStore store, DeliveryWorker worker,
            ChangeConsumer consumer) {
        this.kafka = kafka;
        this.settings = settings;
        this.store = store;
        this.worker = worker;
        this.consumer = consumer;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        event.getSource().getBean(ServiceStarts.class).run("notifier", this::start);
    }

    synchronized void start() {
        TopicInitializer.ensure(kafka.bootstrapServers(), TopicInitializer.policywatchTopics(kafka));
        if (settings.console()) {
            ensureConsoleSubscription();
        } else {
            retireConsoleSubscription();
        }
        worker.start();
        consumer.start();
        LOG.info("Notifier started: {}", settings);
    }

    /** The console subscription an earlier start created by configuration stops when the setting is now off. */
    private void retireConsoleSubscription() {
        Instant now = Instant.now();
        for (Subscription s : store.byChannel(Channel.CONSOLE)) {
            if (s.status() == SubscriptionStatus.ACTIVE && BY_CONFIGURATION.equals(s.statusReason())) {
                store.setStatus(s.id(), SubscriptionStatus.UNSUBSCRIBED, "policywatch.notifier.console.enabled=false", now);
                LOG.info("Console subscription {} stopped: policywatch.notifier.console.enabled is false", s.id());
            }
        }
    }

    private void ensureConsoleSubscription() {
        boolean exists = store.byChannel(Channel.CONSOLE).stream().anyMatch(s -> s.status() == SubscriptionStatus.ACTIVE);
        if (!exists) {
            Instant now = Instant.now();
            Subscription s = new Subscription("s-console-" + UUID.randomUUID(), Channel.CONSOLE, "stdout", Filters.ALL,
                    Mode.IMMEDIATE, null, null, SubscriptionStatus.ACTIVE, BY_CONFIGURATION, now, now);
            store.insert(s, "-");
            LOG.info("Console subscription {} created: alerts are printed to standard output", s.id());
        }
    }

    @PreDestroy
    synchronized void stop() {
        consumer.close();
        worker.close();
        LOG.info("Notifier stopped");
    }
}
