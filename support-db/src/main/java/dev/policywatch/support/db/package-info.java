/**
 * The database edge of the services that keep one (diff-service, notifier): each service's schema
 * migrations ({@link dev.policywatch.support.db.SchemaMigrations}).
 */
package dev.policywatch.support.db;
