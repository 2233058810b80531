/** WeCom (企业微信) group robot alerts: {@link dev.policywatch.notifier.wecom.WeComRobot}, markdown within 4,096 bytes. */
package dev.policywatch.notifier.wecom;
