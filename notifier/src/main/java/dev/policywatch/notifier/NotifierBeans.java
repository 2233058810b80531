package dev.policywatch.notifier;

import dev.policywatch.net.HostResolver;
import dev.policywatch.notifier.console.ConsoleSender;
import dev.policywatch.notifier.delivery.AlertSender;
import dev.policywatch.notifier.delivery.ChangeConsumer;
import dev.policywatch.notifier.delivery.DeadLetterPublisher;
import dev.policywatch.notifier.delivery.DeliveryWorker;
import dev.policywatch.notifier.delivery.Outbox;
import dev.policywatch.notifier.delivery.RetryPolicy;
import dev.policywatch.notifier.email.EmailSettings;
import dev.policywatch.notifier.email.SmtpSender;
import dev.policywatch.notifier.dingtalk.DingTalkRobot;
import dev.policywatch.notifier.feishu.FeishuBot;
import dev.policywatch.notifier.hook.HookPlatform;
import dev.policywatch.notifier.hook.HookSender;
import dev.policywatch.notifier.slack.SlackWebhook;
import dev.policywatch.notifier.teams.TeamsWorkflow;
import dev.policywatch.notifier.webhook.StandardWebhook;
import dev.policywatch.notifier.wecom.WeComRobot;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.notifier.ssrf.WebhookPolicy;
import dev.policywatch.notifier.subscription.LinkTokens;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.notifier.subscription.SigningKeys;
import dev.policywatch.notifier.subscription.SubscriptionStore;
import dev.policywatch.support.LoopRegistry;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.support.kafka.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the notifier's beans from the plain classes of its packages. Only notifier types are exposed. */
@Factory
@Requires(property = "policywatch.notifier.enabled", notEquals = "false")
public class NotifierBeans {

    private final Clock clock = Clock.systemUTC();

    @Singleton
    SubscriptionStore subscriptionStore(NotifierDatabase db) {
        return new SubscriptionStore(db.dataSource());
    }

    @Singleton
    Outbox outbox(NotifierDatabase db, NotifierSettings settings) {
        return new Outbox(db.dataSource(), settings.digestTime(), settings.digestZone());
    }

    @Singleton
    LinkTokens linkTokens(NotifierDatabase db, NotifierSettings settings) {
        return new LinkTokens(SigningKeys.load(settings.signingKey(), db.dataSource()));
    }

    @Singleton
    Links links(PolicywatchSettings policywatch, LinkTokens tokens, NotifierSettings settings) {
        return new Links(policywatch, tokens, settings.confirmTtl(), clock);
    }

    @Singleton
    WebhookPolicy webhookPolicy(NotifierSettings settings) {
        return new WebhookPolicy(settings.allowedHosts(), HostResolver.system());
    }

    @Singleton
    @Bean(preDestroy = "close")
    DeadLetterPublisher deadLetterPublisher(KafkaSettings kafka) {
        return new DeadLetterPublisher(kafka);
    }

    @Singleton
    @Bean(preDestroy = "close")
    DeliveryWorker deliveryWorker(Outbox outbox, SubscriptionStore store, NotifierSettings settings,
            EmailSettings email, WebhookPolicy policy, Links links, PolicywatchSettings policywatch,
            DeadLetterPublisher deadLetters, MeterRegistry meters, LoopRegistry loops) {
        List<AlertSender> senders = new ArrayList<>();
        if (email.from().isPresent()) {
            senders.add(new SmtpSender(email, links, policywatch.publicUrl()));
        }
        // connect and read within the send timeout, so a worker's lease covers every send it claimed
        Duration connect = settings.sendTimeout().dividedBy(3);
        // one client for every webhook platform: the same SSRF rules, timeouts and connection pool
        WebhookClient client = WebhookClient.create(connect, settings.sendTimeout().minus(connect));
        for (HookPlatform platform : List.of(new SlackWebhook(), new WeComRobot(), new DingTalkRobot(), new FeishuBot(),
                new TeamsWorkflow(), new StandardWebhook())) {
            senders.add(new HookSender(platform, policy, client, links, clock));
        }
        senders.add(new ConsoleSender(System.out, links, ConsoleSender.stdoutIsTerminal()));
        return new DeliveryWorker(outbox, store, senders, deadLetters,
                new RetryPolicy(settings.backoff(), settings.maxBackoff(), settings.maxAttempts()), clock,
                settings.pollInterval(), settings.lease(), settings.sendTimeout(), settings.batchSize(),
                settings.workerThreads(), meters, loops.register("notifierDeliveries"), settings.retryMinBackoff(),
                settings.retryMaxBackoff());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ChangeConsumer changeConsumer(KafkaSettings kafka, NotifierSettings settings, SubscriptionStore store, Outbox outbox,
            DeliveryWorker worker, LoopRegistry loops) {
        return new ChangeConsumer(kafka, settings.groupId(), store, outbox, worker::wake, clock,
                loops.register("notifierChanges"), settings.retryMinBackoff(), settings.retryMaxBackoff());
    }
}
