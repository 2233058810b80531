/** DingTalk (钉钉) custom robot alerts: {@link dev.policywatch.notifier.dingtalk.DingTalkRobot}, markdown, signed with the robot's secret. */
package dev.policywatch.notifier.dingtalk;
