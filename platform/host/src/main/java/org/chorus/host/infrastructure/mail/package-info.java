/**
 * Mail out of the process: composing RFC 5322 messages from outbox rows, DKIM signing, and the two ways of
 * handing them over, SMTP through Jakarta Mail (the API and Angus implementation Payara Micro provides) and the
 * local sink of {@code .eml} files used when no SMTP host is configured.
 *
 * <p>Contract: a {@link org.chorus.host.infrastructure.mail.Mailer} delivers one batch over one connection and
 * reports each failure as a {@link org.chorus.host.infrastructure.mail.DeliveryException} that says whether it
 * is permanent (a 5xx answer to this message, a header that cannot be written safely) or transient (4xx,
 * connection refused, timeouts, authentication); it never touches the database. The composer refuses CR/LF in
 * every header value instead of folding or stripping it: the input layer already rejects them, so one reaching
 * this point is a bug or an attack, and the row must not go out. Nothing here retries; the worker decides.
 */
package org.chorus.host.infrastructure.mail;
