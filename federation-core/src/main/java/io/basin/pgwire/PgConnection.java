package io.basin.pgwire;

import io.basin.embedded.QueryResult;
import io.basin.engine.Session;
import io.basin.engine.StatementDescription;
import io.basin.engine.StatementResult;
import io.basin.engine.TransactionStatus;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.sql.parser.CommandTag;
import io.basin.sql.parser.SqlStatement;
import io.basin.sql.parser.Statement;
import io.basin.sql.parser.StatementParser;
import io.basin.sql.parser.StatementSplitter;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.type.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.basin.pgwire.auth.AuthenticationException;
import io.basin.pgwire.auth.AuthenticationExchange;
import io.basin.pgwire.auth.AuthenticationMethod;
import io.basin.pgwire.auth.AuthenticationStep;
import io.basin.pgwire.auth.Authenticator;
import io.basin.pgwire.type.PgFormat;

import javax.net.ssl.SSLSocket;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * One client connection, from the startup packet to Terminate: TLS negotiation, authentication,
 * then the simple and extended query protocols over one {@link Session}.
 *
 * <p>All protocol state lives on the connection's own thread. Other threads only cancel the
 * running statement ({@link #cancelStatement}) or, at server shutdown, end the connection.
 */
final class PgConnection
{
    private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);

    private static final int SSL_REQUEST_CODE = 80877103;
    private static final int GSSENC_REQUEST_CODE = 80877104;
    private static final int CANCEL_REQUEST_CODE = 80877102;
    private static final int PROTOCOL_3_0 = 196608;
    private static final int LOGGED_STATEMENT_CHARACTERS = 500;

    private final PgWireServer server;
    private final boolean overConnectionLimit;
    private final int secretKey;
    private Socket socket;
    private PgInput input;
    private PgOutput output;
    private OutputStream rawOutput;
    private boolean tls;
    private Session session;
    private String user = "";
    private String applicationName = "";
    private final Map<String, PgPreparedStatement> preparedStatements = new HashMap<>();
    private final Map<String, PgPortal> portals = new HashMap<>();
    private boolean skipUntilSync;
    private boolean holdsUserConnection;
    /**
     * The statement a Parse or Bind message being handled is about, for the statement log and
     * (Parse) error positions; null for other messages.
     */
    private String messageSql;

    // shutdown coordination with the server's thread
    private final Object stateLock = new Object();
    private boolean busy;
    private boolean terminateRequested;
    private boolean closed;

    PgConnection(PgWireServer server, Socket socket, boolean overConnectionLimit)
            throws IOException
    {
        this.server = requireNonNull(server, "server is null");
        this.socket = requireNonNull(socket, "socket is null");
        this.overConnectionLimit = overConnectionLimit;
        this.secretKey = server.newSecretKey();
        useStreams(socket.getInputStream(), socket.getOutputStream());
    }

    private void useStreams(InputStream in, OutputStream out)
    {
        this.input = new PgInput(in, server.config().maxMessageBytes());
        this.rawOutput = new BufferedOutputStream(out, 8192);
        this.output = new PgOutput(rawOutput);
    }

    int backendPid()
    {
        return session == null ? -1 : session.identity().backendPid();
    }

    int secretKey()
    {
        return secretKey;
    }

    void run()
    {
        try {
            if (startupWithinTimeout()) {
                server.register(this);
                LOG.info("connection pid={} from {} user={} database={} application={} tls={}", backendPid(), remoteAddress(), user, session.identity().database(), applicationName, tls);
                serve();
            }
        }
        catch (PgProtocolException e) {
            LOG.info("protocol violation from {}: {}", remoteAddress(), e.getMessage());
            sendFatalQuietly(PgErrors.report(e, null, 0));
        }
        catch (BasinException e) {
            sendFatalQuietly(PgErrors.report(e, null, 0));
        }
        catch (IOException e) {
            LOG.debug("connection from {} ended: {}", remoteAddress(), e.toString());
        }
        catch (RuntimeException e) {
            LOG.error("connection from {} failed", remoteAddress(), e);
            sendFatalQuietly(PgErrors.report(e, null, 0));
        }
        finally {
            closeAll();
        }
    }

    // ---- startup and authentication ----

    /**
     * The startup exchange, bounded in time as PostgreSQL's authentication_timeout bounds it: a
     * client that connects and stalls (or trickles bytes) must not hold a connection slot for ever.
     */
    private boolean startupWithinTimeout()
            throws IOException
    {
        Socket clientSocket = socket;
        ScheduledFuture<?> timeout = server.schedule(server.config().authenticationTimeout(), () -> {
            LOG.info("connection from {} closed: not authenticated within {} s", remoteAddress(), server.config().authenticationTimeout().toSeconds());
            try {
                clientSocket.close();
            }
            catch (IOException e) {
                LOG.debug("closing a timed-out connection failed", e);
            }
        });
        try {
            return startup();
        }
        finally {
            timeout.cancel(false);
        }
    }

    private boolean startup()
            throws IOException
    {
        while (true) {
            PgMessage packet = input.readStartupPacket();
            if (packet == null) {
                return false;
            }
            int code = packet.readInt32();
            switch (code) {
                case SSL_REQUEST_CODE -> {
                    packet.expectEnd();
                    if (tls || server.config().sslMode() == PgWireConfig.SslMode.DISABLE) {
                        rawOutput.write('N');
                        rawOutput.flush();
                        // as PostgreSQL: a client that pipelines data behind its SSLRequest cannot have
                        // seen the answer, so it would send in clear what it meant to encrypt
                        refuseUnreadData();
                        continue;
                    }
                    rawOutput.write('S');
                    rawOutput.flush();
                    startTls();
                    continue;
                }
                case GSSENC_REQUEST_CODE -> {
                    packet.expectEnd();
                    rawOutput.write('N');
                    rawOutput.flush();
                    continue;
                }
                case CANCEL_REQUEST_CODE -> {
                    int pid = packet.readInt32();
                    int key = packet.readInt32();
                    packet.expectEnd();
                    server.cancel(pid, key);
                    return false;
                }
                default -> {
                    return startSession(code, packet);
                }
            }
        }
    }

    private void startTls()
            throws IOException
    {
        // bytes sent before the handshake would be read as if they came through TLS
        refuseUnreadData();
        SSLSocket sslSocket = (SSLSocket) server.config().tls().orElseThrow().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        sslSocket.setUseClientMode(false);
        sslSocket.startHandshake();
        socket = sslSocket;
        tls = true;
        useStreams(sslSocket.getInputStream(), sslSocket.getOutputStream());
    }

    private void refuseUnreadData()
    {
        if (input.hasBufferedBytes()) {
            throw new PgProtocolException("received unencrypted data after SSL request");
        }
    }

    private boolean startSession(int protocol, PgMessage packet)
            throws IOException
    {
        if (protocol >>> 16 != 3) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "unsupported frontend protocol %d.%d: server supports 3.0 to 3.0".formatted(protocol >>> 16, protocol & 0xFFFF));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> unrecognizedOptions = new ArrayList<>();
        while (true) {
            String name = packet.readCString();
            if (name.isEmpty()) {
                break;
            }
            String value = packet.readCString();
            if (name.startsWith("_pq_.")) {
                unrecognizedOptions.add(name);
            }
            else {
                parameters.put(name, value);
            }
        }
        if (overConnectionLimit) {
            throw new BasinException(BasinErrorCode.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
        }
        if (server.isStopping()) {
            throw new BasinException(BasinErrorCode.ADMIN_SHUTDOWN, "the database system is shutting down");
        }
        user = parameters.getOrDefault("user", "");
        if (user.isEmpty()) {
            throw new BasinException(BasinErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "no user name specified in startup packet");
        }
        if (server.config().sslMode() == PgWireConfig.SslMode.REQUIRE && !tls) {
            throw new BasinException(BasinErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "connection for user \"%s\" rejected: this server requires SSL".formatted(user));
        }
        String database = parameters.getOrDefault("database", "");
        if (database.isEmpty()) {
            database = io.basin.engine.SessionIdentity.DEFAULT_DATABASE;
        }
        if ((protocol & 0xFFFF) != 0 || !unrecognizedOptions.isEmpty()) {
            output.beginMessage('v');
            output.writeInt32(PROTOCOL_3_0);
            output.writeInt32(unrecognizedOptions.size());
            unrecognizedOptions.forEach(output::writeCString);
            output.endMessage();
        }
        authenticate();
        session = server.engine().newSession(user, database);
        applicationName = parameters.getOrDefault("application_name", "");
        applyStartupParameters(parameters);

        output.beginMessage('R');
        output.writeInt32(0);
        output.endMessage();
        reportParameters();
        output.beginMessage('K');
        output.writeInt32(session.identity().backendPid());
        output.writeInt32(secretKey);
        output.endMessage();
        readyForQuery();
        return true;
    }

    /**
     * Runs the configured password exchange (pg_hba-style: one method for loopback clients, one
     * for the rest). Failures are reported with the same message whatever the cause; the cause
     * goes to the server log only.
     */
    private void authenticate()
            throws IOException
    {
        boolean loopback = socket.getInetAddress().isLoopbackAddress();
        AuthenticationMethod method = loopback ? server.config().localAuthentication() : server.config().remoteAuthentication();
        AuthenticationExchange exchange = Authenticator.forCatalog(method, server.engine().systemCatalog()).begin(user);
        try {
            AuthenticationStep step = exchange.start();
            while (true) {
                switch (step) {
                    case AuthenticationStep.Authenticated authenticated -> {
                        if (authenticated.saslFinalMessage().isPresent()) {
                            writeAuthentication(12, authenticated.saslFinalMessage().get());
                        }
                        OptionalInt limit = authenticated.user().attributes().connectionLimit();
                        if (!server.acquireUserConnection(user, limit)) {
                            throw new BasinException(BasinErrorCode.TOO_MANY_CONNECTIONS, "too many connections for role \"" + user + "\"");
                        }
                        holdsUserConnection = true;
                        return;
                    }
                    case AuthenticationStep.CleartextPasswordRequest _ -> writeAuthentication(3, new byte[0]);
                    case AuthenticationStep.Md5PasswordRequest md5 -> writeAuthentication(5, md5.salt());
                    case AuthenticationStep.SaslMechanisms mechanisms -> {
                        output.beginMessage('R');
                        output.writeInt32(10);
                        mechanisms.mechanisms().forEach(output::writeCString);
                        output.writeByte(0);
                        output.endMessage();
                    }
                    case AuthenticationStep.SaslContinue next -> writeAuthentication(11, next.data());
                }
                output.flush();
                PgMessage response = input.readMessage();
                if (response == null) {
                    throw new java.io.EOFException("client closed the connection during authentication");
                }
                if (response.type() != 'p') {
                    throw new PgProtocolException("expected a password response, got message type '" + response.type() + "'");
                }
                byte[] body = new byte[response.remaining()];
                for (int i = 0; i < body.length; i++) {
                    body[i] = response.readByte();
                }
                step = exchange.respond(body);
            }
        }
        catch (AuthenticationException e) {
            LOG.info("authentication failed for user {} from {} ({}): {}", user, remoteAddress(), method.configName(), e.logDetail().orElse(e.getMessage()));
            throw e;
        }
    }

    private void writeAuthentication(int code, byte[] data)
            throws IOException
    {
        output.beginMessage('R');
        output.writeInt32(code);
        output.writeBytes(data);
        output.endMessage();
    }

    private void applyStartupParameters(Map<String, String> parameters)
    {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey().toLowerCase(Locale.ROOT);
            switch (name) {
                case "user", "database", "replication" -> {}
                case "options" -> applyCommandLineOptions(parameter.getValue());
                default -> setSessionParameter(name, parameter.getValue());
            }
        }
    }

    /** libpq's {@code options}: {@code -c name=value} (or {@code --name=value}) pairs. */
    private void applyCommandLineOptions(String options)
    {
        String[] words = options.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String assignment = null;
            if (word.equals("-c") && i + 1 < words.length) {
                assignment = words[++i];
            }
            else if (word.startsWith("-c")) {
                assignment = word.substring(2);
            }
            else if (word.startsWith("--")) {
                assignment = word.substring(2);
            }
            if (assignment != null && assignment.contains("=")) {
                setSessionParameter(assignment.substring(0, assignment.indexOf('=')).replace('-', '_'), assignment.substring(assignment.indexOf('=') + 1));
            }
        }
    }

    private void setSessionParameter(String name, String value)
    {
        // startup values are what RESET returns to
        session.settings().setStartupParameter(name, value);
    }

    // ---- ParameterStatus ----

    /** Sends ParameterStatus for each reported setting whose value changed (all of them after authentication). */
    private void reportParameters()
            throws IOException
    {
        for (Map.Entry<String, String> change : session.settings().reportableChanges().entrySet()) {
            writeParameterStatus(change.getKey(), change.getValue());
        }
    }

    private void writeParameterStatus(String name, String value)
            throws IOException
    {
        output.beginMessage('S');
        output.writeCString(name);
        output.writeCString(value);
        output.endMessage();
    }

    // ---- the message loop ----

    private void serve()
            throws IOException
    {
        while (true) {
            output.flush();
            setBusy(false);
            PgMessage message = input.readMessage();
            if (message == null || message.type() == 'X') {
                return;
            }
            if (!setBusy(true)) {
                return;
            }
            if (skipUntilSync && message.type() != 'S') {
                continue;
            }
            messageSql = null;
            long received = System.nanoTime();
            try {
                switch (message.type()) {
                    case 'Q' -> simpleQuery(message);
                    case 'P' -> parse(message);
                    case 'B' -> bind(message);
                    case 'D' -> describe(message);
                    case 'E' -> execute(message);
                    case 'C' -> close(message);
                    case 'S' -> sync(message);
                    case 'H' -> output.flush();
                    // copy-in data outside COPY FROM STDIN: PostgreSQL ignores it too
                    case 'd', 'c', 'f' -> {}
                    case 'F' -> functionCall();
                    default -> throw new PgProtocolException("invalid frontend message type " + (int) message.type());
                }
            }
            catch (PgProtocolException e) {
                throw e;
            }
            catch (RuntimeException | StackOverflowError | AssertionError failure) {
                TrinoException e = asStatementError(failure);
                if (message.type() == 'Q' || message.type() == 'S') {
                    // a simple query that could not even be read (its text not UTF-8, bytes after it),
                    // or a Sync with a body: reported and answered at once, nothing to skip to
                    skipUntilSync = false;
                    session.failTransaction();
                    PgErrors.writeError(output, "ERROR", PgErrors.report(e, null, 0));
                    readyForQuery();
                }
                else {
                    if (messageSql != null) {
                        // Execute logs the statements that ran; these never got that far
                        logStatement(messageSql, received, -1, e);
                    }
                    extendedProtocolError(e, message.type() == 'P' ? messageSql : null);
                }
            }
        }
    }

    /**
     * FunctionCall is answered on its own, like a simple query: an error, then ReadyForQuery. Taken
     * as an extended-protocol error it skipped to a Sync the client never sends, and the client hung.
     */
    private void functionCall()
            throws IOException
    {
        session.failTransaction();
        PgErrors.writeError(output, "ERROR", PgErrors.report(new BasinException(FEATURE_NOT_SUPPORTED, "the function call protocol is not supported"), null, 0));
        readyForQuery();
    }

    /**
     * A statement's failure as the error the client gets. A failure that is not Basin's own (a bug,
     * an assertion in a library) ends the statement with XX000, not the connection; it is logged
     * with its stack for the bug report.
     */
    private TrinoException asStatementError(Throwable failure)
    {
        if (failure instanceof TrinoException trino) {
            return trino;
        }
        if (failure instanceof StackOverflowError) {
            return io.basin.sql.parser.StatementParser.tooDeeplyNested(failure);
        }
        LOG.error("internal error in connection pid={} from {}", backendPid(), remoteAddress(), failure);
        return new BasinException(BasinErrorCode.INTERNAL_ERROR_CODE, "Internal error: " + failure, failure);
    }

    private void extendedProtocolError(RuntimeException e, String sql)
            throws IOException
    {
        session.failTransaction();
        PgErrors.writeError(output, "ERROR", PgErrors.report(e, sql, 0));
        skipUntilSync = true;
    }

    private boolean setBusy(boolean value)
            throws IOException
    {
        synchronized (stateLock) {
            if (terminateRequested) {
                PgErrors.writeError(output, "FATAL", new PgErrors.ErrorReport(BasinErrorCode.ADMIN_SHUTDOWN.sqlState(), "terminating connection due to administrator command", java.util.OptionalInt.empty()));
                output.flush();
                return false;
            }
            busy = value;
            return true;
        }
    }

    private void readyForQuery()
            throws IOException
    {
        output.beginMessage('Z');
        output.writeByte(session.transactionStatus().indicator());
        output.endMessage();
    }

    // ---- simple query protocol ----

    private void simpleQuery(PgMessage message)
            throws IOException
    {
        String sql = message.readCString();
        message.expectEnd();
        List<SqlStatement> statements = StatementSplitter.splitScript(sql);
        if (statements.isEmpty()) {
            output.beginMessage('I');
            output.endMessage();
        }
        for (SqlStatement statement : statements) {
            int offset = PgErrors.characterOffset(sql, statement.line(), statement.column());
            long start = System.nanoTime();
            try {
                long rows = runSimpleStatement(statement.text());
                logStatement(statement.text(), start, rows, null);
            }
            catch (RuntimeException | StackOverflowError | AssertionError failure) {
                TrinoException e = asStatementError(failure);
                logStatement(statement.text(), start, -1, e);
                session.failTransaction();
                PgErrors.writeError(output, "ERROR", PgErrors.report(e, statement.text(), offset));
                break;
            }
        }
        reportParameters();
        readyForQuery();
    }

    private long runSimpleStatement(String sql)
            throws IOException
    {
        Statement statement = StatementParser.parse(sql);
        if (statement instanceof Statement.TransactionControl control) {
            transactionWarnings(control);
        }
        TransactionStatus before = session.transactionStatus();
        try (StatementResult result = session.start(statement)) {
            if (statement instanceof Statement.CopyTo copy) {
                return copyOut(result, copy.format());
            }
            List<ColumnEncoder> encoders = List.of();
            if (!result.columns().isEmpty()) {
                encoders = textEncoders(result.columns());
                PgResultWriter.writeRowDescription(output, result.columns(), encoders);
            }
            long rows = 0;
            Page page;
            while ((page = result.nextPage()) != null) {
                PgResultWriter.writeDataRows(output, page, 0, page.getPositionCount(), encoders);
                rows += page.getPositionCount();
            }
            writeCommandComplete(commandTag(statement, sql, result, rows, before));
            return result.columns().isEmpty() ? result.updateCount() : rows;
        }
    }

    private void transactionWarnings(Statement.TransactionControl control)
            throws IOException
    {
        TransactionStatus status = session.transactionStatus();
        if (control.kind() == Statement.TransactionControl.Kind.BEGIN && status != TransactionStatus.IDLE) {
            PgErrors.writeNotice(output, "WARNING", "25001", "there is already a transaction in progress");
        }
        if (control.kind() != Statement.TransactionControl.Kind.BEGIN && status == TransactionStatus.IDLE) {
            PgErrors.writeNotice(output, "WARNING", "25P01", "there is no transaction in progress");
        }
    }

    private static String commandTag(Statement statement, String sql, StatementResult result, long rows, TransactionStatus before)
    {
        return switch (statement) {
            // COMMIT (or END) of a failed block rolls it back, and says so
            case Statement.TransactionControl control when control.kind() == Statement.TransactionControl.Kind.COMMIT && before == TransactionStatus.FAILED -> "ROLLBACK";
            case Statement.CopyTo _ -> "COPY " + rows;
            case Statement.Query _ -> "SELECT " + rows;
            case Statement.Show _ -> "SHOW";
            case Statement.Explain _ -> "EXPLAIN";
            case Statement.SetSession set -> set.values().isPresent() ? "SET" : "RESET";
            default -> CommandTag.of(sql, result.updateCount());
        };
    }

    private void writeCommandComplete(String tag)
            throws IOException
    {
        output.beginMessage('C');
        output.writeCString(tag);
        output.endMessage();
    }

    private long copyOut(StatementResult result, Statement.CopyFormat format)
            throws IOException
    {
        List<Type> types = result.columns().stream().map(QueryResult.Column::type).toList();
        List<PgResultWriter.TextValueFormatter> formatters = types.stream().map(PgResultWriter::textFormatter).toList();
        PgResultWriter.writeCopyOutResponse(output, types.size());
        if (format.header()) {
            PgResultWriter.writeCopyHeader(output, result.columns(), format);
        }
        long rows = 0;
        Page page;
        while ((page = result.nextPage()) != null) {
            PgResultWriter.writeCopyRows(output, page, types, formatters, format);
            rows += page.getPositionCount();
        }
        output.beginMessage('c');
        output.endMessage();
        writeCommandComplete("COPY " + rows);
        return rows;
    }

    private static List<ColumnEncoder> textEncoders(List<QueryResult.Column> columns)
    {
        return encoders(columns, new short[0]);
    }

    private static List<ColumnEncoder> encoders(List<QueryResult.Column> columns, short[] formats)
    {
        List<ColumnEncoder> encoders = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int format = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
            encoders.add(new CodecColumnEncoder(columns.get(i).type(), PgFormat.fromCode(format)));
        }
        return encoders;
    }

    // ---- extended query protocol ----

    private void parse(PgMessage message)
            throws IOException
    {
        String name = message.readCString();
        String sql = message.readCString();
        messageSql = sql;
        int count = message.readCount16(4);
        int[] declaredTypes = new int[count];
        for (int i = 0; i < count; i++) {
            declaredTypes[i] = message.readInt32();
        }
        message.expectEnd();
        if (!name.isEmpty() && preparedStatements.containsKey(name)) {
            throw new BasinException(BasinErrorCode.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
        }
        preparedStatements.put(name, PgPreparedStatement.prepare(session, sql, declaredTypes));
        output.beginMessage('1');
        output.endMessage();
    }

    private void bind(PgMessage message)
            throws IOException
    {
        String portalName = message.readCString();
        String statementName = message.readCString();
        int formatCount = message.readCount16(2);
        short[] parameterFormats = new short[formatCount];
        for (int i = 0; i < formatCount; i++) {
            parameterFormats[i] = message.readInt16();
        }
        int parameterCount = message.readCount16(4);
        byte[][] values = new byte[parameterCount][];
        for (int i = 0; i < parameterCount; i++) {
            int length = message.readInt32();
            values[i] = length == -1 ? null : message.readBytes(length);
        }
        int resultFormatCount = message.readCount16(2);
        short[] resultFormats = new short[resultFormatCount];
        for (int i = 0; i < resultFormatCount; i++) {
            resultFormats[i] = message.readInt16();
        }
        message.expectEnd();

        PgPreparedStatement statement = preparedStatements.get(statementName);
        if (statement == null) {
            throw new BasinException(BasinErrorCode.UNDEFINED_PREPARED_STATEMENT, "prepared statement \"" + statementName + "\" does not exist");
        }
        messageSql = statement.sql();
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new BasinException(BasinErrorCode.UNDEFINED_CURSOR, "portal \"" + portalName + "\" already exists");
        }
        if (resultFormatCount > 1 && statement.columns().size() != resultFormatCount && !statement.columns().isEmpty()) {
            throw new BasinException(BasinErrorCode.PROTOCOL_VIOLATION, "bind message has " + resultFormatCount + " result formats but query has " + statement.columns().size() + " columns");
        }
        if (formatCount > 1 && formatCount != parameterCount) {
            throw new BasinException(BasinErrorCode.PROTOCOL_VIOLATION, "bind message has " + formatCount + " parameter formats but " + parameterCount + " parameters");
        }
        if (parameterCount != statement.parameterCount()) {
            throw new BasinException(BasinErrorCode.PROTOCOL_VIOLATION, "bind message supplies %d parameters, but prepared statement \"%s\" requires %d".formatted(parameterCount, statementName, statement.parameterCount()));
        }
        String sql = statement.bind(parameterFormats, values);
        Statement parsed = statement.isEmpty() ? null : StatementParser.parse(sql);
        // a failed block still takes COMMIT and ROLLBACK (drivers send them through Bind too), or it could never end
        boolean endsTransaction = parsed instanceof Statement.TransactionControl control && control.kind() != Statement.TransactionControl.Kind.BEGIN;
        if (session.transactionStatus() == TransactionStatus.FAILED && !endsTransaction) {
            throw new BasinException(BasinErrorCode.IN_FAILED_SQL_TRANSACTION, "current transaction is aborted, commands ignored until end of transaction block");
        }
        PgPortal old = portals.remove(portalName);
        if (old != null) {
            old.close();
        }
        portals.put(portalName, new PgPortal(statement.sql(), parsed, resultFormats));
        output.beginMessage('2');
        output.endMessage();
    }

    private void describe(PgMessage message)
            throws IOException
    {
        byte kind = message.readByte();
        String name = message.readCString();
        message.expectEnd();
        switch (kind) {
            case 'S' -> {
                PgPreparedStatement statement = preparedStatements.get(name);
                if (statement == null) {
                    throw new BasinException(BasinErrorCode.UNDEFINED_PREPARED_STATEMENT, "prepared statement \"" + name + "\" does not exist");
                }
                output.beginMessage('t');
                output.writeInt16(statement.parameterCount());
                for (int oid : statement.parameterTypeOids()) {
                    output.writeInt32(oid);
                }
                output.endMessage();
                writeRowDescriptionOrNoData(statement.columns(), new short[0]);
            }
            case 'P' -> {
                PgPortal portal = portal(name);
                writeRowDescriptionOrNoData(portal.statement() == null ? List.of() : portal.describe(session), portal.resultFormats());
            }
            default -> throw new BasinException(BasinErrorCode.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype " + kind);
        }
    }

    private void writeRowDescriptionOrNoData(List<QueryResult.Column> columns, short[] formats)
            throws IOException
    {
        if (columns.isEmpty()) {
            output.beginMessage('n');
            output.endMessage();
            return;
        }
        PgResultWriter.writeRowDescription(output, columns, encoders(columns, formats));
    }

    private PgPortal portal(String name)
    {
        PgPortal portal = portals.get(name);
        if (portal == null) {
            throw new BasinException(BasinErrorCode.UNDEFINED_CURSOR, "portal \"" + name + "\" does not exist");
        }
        return portal;
    }

    private void execute(PgMessage message)
            throws IOException
    {
        String name = message.readCString();
        int maxRows = message.readInt32();
        message.expectEnd();
        PgPortal portal = portal(name);
        if (portal.statement() == null) {
            output.beginMessage('I');
            output.endMessage();
            return;
        }
        if (portal.isDone()) {
            // re-executing a finished portal returns nothing more, as in PostgreSQL
            writeCommandComplete(portal.completedTag());
            return;
        }
        long start = System.nanoTime();
        try {
            executePortal(portal, maxRows);
            if (portal.isDone()) {
                logStatement(portal.sql(), portal.startNanos(), portal.rowsSent(), null);
            }
        }
        catch (TrinoException e) {
            logStatement(portal.sql(), start, -1, e);
            portal.close();
            throw e;
        }
    }

    private void executePortal(PgPortal portal, int maxRows)
            throws IOException
    {
        Statement statement = portal.statement();
        if (!portal.isStarted()) {
            if (statement instanceof Statement.TransactionControl control) {
                transactionWarnings(control);
            }
            TransactionStatus before = session.transactionStatus();
            StatementResult result = session.start(statement);
            portal.start(result, before, result.columns().isEmpty() ? List.of() : encoders(result.columns(), portal.resultFormats()));
        }
        StatementResult result = portal.result();
        if (statement instanceof Statement.CopyTo copy) {
            long rows = copyOut(result, copy.format());
            portal.finish("COPY " + rows);
            return;
        }
        if (result.columns().isEmpty()) {
            writeCommandComplete(portal.finish(commandTag(statement, portal.sql(), result, 0, portal.statusBefore())));
            reportParameters();
            return;
        }
        long limit = maxRows <= 0 ? Long.MAX_VALUE : maxRows;
        long sent = 0;
        while (sent < limit) {
            if (!portal.hasCurrentPage()) {
                Page page = result.nextPage();
                if (page == null) {
                    writeCommandComplete(portal.finish(commandTag(statement, portal.sql(), result, portal.rowsSent(), portal.statusBefore())));
                    return;
                }
                portal.setCurrentPage(page);
            }
            int from = portal.pagePosition();
            // rows left in the page or under the limit, whichever is fewer (from + limit overflowed a long
            // when an Execute without limit followed one that stopped mid-page, and this loop spun forever)
            int to = from + (int) Math.min(portal.currentPage().getPositionCount() - from, limit - sent);
            PgResultWriter.writeDataRows(output, portal.currentPage(), from, to, portal.encoders());
            portal.advance(to - from);
            sent += to - from;
        }
        // the row limit was reached: more rows may follow on the next Execute
        output.beginMessage('s');
        output.endMessage();
    }

    private void close(PgMessage message)
            throws IOException
    {
        byte kind = message.readByte();
        String name = message.readCString();
        message.expectEnd();
        switch (kind) {
            case 'S' -> preparedStatements.remove(name);
            case 'P' -> {
                PgPortal portal = portals.remove(name);
                if (portal != null) {
                    portal.close();
                }
            }
            default -> throw new BasinException(BasinErrorCode.PROTOCOL_VIOLATION, "invalid CLOSE message subtype " + kind);
        }
        output.beginMessage('3');
        output.endMessage();
    }

    private void sync(PgMessage message)
            throws IOException
    {
        message.expectEnd();
        skipUntilSync = false;
        if (session.transactionStatus() == TransactionStatus.IDLE) {
            // portals live until the end of their transaction; outside a block that is now
            closePortals();
        }
        readyForQuery();
    }

    private void closePortals()
    {
        for (PgPortal portal : portals.values()) {
            portal.close();
        }
        portals.clear();
    }

    // ---- cancellation, shutdown, logging ----

    void cancelStatement()
    {
        Session current = session;
        if (current != null) {
            current.cancel();
        }
    }

    /** Server shutdown: an idle connection is ended now; a busy one after its statement, or at the deadline. */
    void shutdown(long deadlineNanos)
    {
        synchronized (stateLock) {
            terminateRequested = true;
            if (!busy) {
                try {
                    PgErrors.writeError(output, "FATAL", new PgErrors.ErrorReport(BasinErrorCode.ADMIN_SHUTDOWN.sqlState(), "terminating connection due to administrator command", java.util.OptionalInt.empty()));
                    output.flush();
                }
                catch (IOException | RuntimeException e) {
                    LOG.debug("cannot notify connection of shutdown", e);
                }
                closeSocket();
                return;
            }
        }
        Thread.ofVirtual().start(() -> {
            long wait = deadlineNanos - System.nanoTime();
            try {
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancelStatement();
        });
    }

    void closeSocket()
    {
        PgWireServer.closeQuietly(socket);
    }

    private void sendFatalQuietly(PgErrors.ErrorReport report)
    {
        try {
            synchronized (stateLock) {
                output.abandonMessage();
                PgErrors.writeError(output, "FATAL", report);
                output.flush();
            }
        }
        catch (IOException | RuntimeException e) {
            LOG.debug("cannot send error to client", e);
        }
    }

    private void closeAll()
    {
        synchronized (stateLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            closePortals();
            if (holdsUserConnection) {
                server.releaseUserConnection(user);
            }
            if (session != null) {
                server.unregister(this);
                session.close();
                LOG.info("disconnection pid={} user={}", backendPid(), user);
            }
        }
        finally {
            closeSocket();
        }
    }

    private void logStatement(String sql, long startNanos, long rows, RuntimeException failure)
    {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        String text = StatementLogText.of(sql, LOGGED_STATEMENT_CHARACTERS);
        if (failure == null) {
            LOG.info("statement pid={} user={} {} ms rows={}: {}", backendPid(), user, "%.3f".formatted(millis), rows, text);
        }
        else {
            String sqlState = failure instanceof BasinException basin ? basin.sqlState() : "XX000";
            LOG.info("statement pid={} user={} {} ms failed {}: {}", backendPid(), user, "%.3f".formatted(millis), sqlState, text);
        }
    }

    private String remoteAddress()
    {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress address ? address.getAddress().getHostAddress() + ":" + address.getPort() : String.valueOf(socket.getRemoteSocketAddress());
    }

}
