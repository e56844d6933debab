/**
 * The ways in: server-rendered supporter pages ({@code web}), JSON ({@code api}), health checks ({@code health}),
 * and the CDI bootstrap that starts the {@link org.chorus.host.application.Platform}.
 *
 * <p>Contract: translate HTTP to use cases and back. No business rules and no persistence here; every page is
 * rendered through the theme engine, every error becomes a themed page (or a JSON message under
 * {@code /api/}) with a 4xx status that says what to fix, and no stack trace ever reaches a response.
 */
package org.chorus.host.interfaces;
