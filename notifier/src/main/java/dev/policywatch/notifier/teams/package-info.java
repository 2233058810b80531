/** Microsoft Teams alerts through a Workflows webhook: {@link dev.policywatch.notifier.teams.TeamsWorkflow}, an Adaptive Card. */
package dev.policywatch.notifier.teams;
