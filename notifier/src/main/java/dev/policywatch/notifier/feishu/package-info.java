/** Feishu (飞书) / Lark custom bot alerts: {@link dev.policywatch.notifier.feishu.FeishuBot}, an interactive card, signed with the bot's secret. */
package dev.policywatch.notifier.feishu;
