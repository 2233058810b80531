-- Who holds a delivery's lease: a worker renews its lease before each send only where it still holds it,
-- so a delivery whose lease expired and was claimed by another worker is never sent by both.
ALTER TABLE notifier_delivery ADD COLUMN lease_owner text;
