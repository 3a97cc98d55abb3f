"""Messages to people (e-mail, SMS, Zalo) through one small interface: `queue` writes the message
in the caller's transaction (an outbox), a background task delivers it after the commit, and a
provider that is down is retried later, never failing what queued it."""
