/**
 * Authentication of wire-protocol clients, as pure logic over message bodies (no sockets):
 * {@link io.basin.pgwire.auth.Authenticator} starts one
 * {@link io.basin.pgwire.auth.AuthenticationExchange} per connection for the configured
 * {@link io.basin.pgwire.auth.AuthenticationMethod} ({@code trust}, {@code password}, {@code md5},
 * {@code scram-sha-256}); each {@link io.basin.pgwire.auth.AuthenticationStep} names the
 * Authentication message to send, and failures are
 * {@link io.basin.pgwire.auth.AuthenticationException}s (SQLSTATE 28P01 for any failed password,
 * 28000, 08P01 for malformed messages) to send as FATAL errors.
 * <p>
 * A client cannot tell an unknown user from a wrong password: same messages, same error, a stable
 * mock salt for SCRAM, comparable work. Comparisons of secrets are constant-time.
 */
package io.basin.pgwire.auth;
