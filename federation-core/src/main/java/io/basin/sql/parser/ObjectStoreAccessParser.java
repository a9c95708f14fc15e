package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlTokenizer.Token;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.error.BasinErrorCode.SYNTAX_ERROR;
import static io.basin.sql.parser.StatementParser.matches;
import static io.basin.sql.parser.StatementParser.syntaxError;

/**
 * The authorization options of Redshift's COPY and UNLOAD, collected while their other options
 * are parsed: {@code ACCESS_KEY_ID 'id' SECRET_ACCESS_KEY 'key' [SESSION_TOKEN 'token']}, or
 * {@code CREDENTIALS 'aws_access_key_id=id;aws_secret_access_key=key[;token=token]'},
 * {@code REGION [AS] 'region'}, and Basin's {@code ENDPOINT 'http://host:port'} for an
 * S3-compatible store (addressed path-style). Messages name options, never their values.
 */
final class ObjectStoreAccessParser
{
    private String accessKeyId;
    private String secretAccessKey;
    private String sessionToken;
    private String region;
    private String endpoint;
    private boolean credentialsString;

    /**
     * Parses the option whose keyword {@code option} was just read, its value starting at
     * {@code index}; returns the index after the value, or -1 when {@code option} is not one of these.
     */
    int parse(String sql, List<Token> tokens, String option, int index)
    {
        switch (option) {
            case "ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "SESSION_TOKEN", "CREDENTIALS", "REGION", "ENDPOINT", "IAM_ROLE" -> { }
            default -> {
                return -1;
            }
        }
        if (matches(tokens, index, "AS")) {
            index++;
        }
        if (index >= tokens.size() || !tokens.get(index).text().startsWith("'")) {
            throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), option + " needs a quoted value");
        }
        String text = tokens.get(index).text();
        String value = text.substring(1, text.length() - 1).replace("''", "'");
        switch (option) {
            case "ACCESS_KEY_ID" -> accessKeyId = once(option, accessKeyId, value);
            case "SECRET_ACCESS_KEY" -> secretAccessKey = once(option, secretAccessKey, value);
            case "SESSION_TOKEN" -> sessionToken = once(option, sessionToken, value);
            case "REGION" -> region = once(option, region, value);
            case "ENDPOINT" -> endpoint = once(option, endpoint, value);
            case "IAM_ROLE" -> throw new BasinException(FEATURE_NOT_SUPPORTED, "IAM_ROLE is not supported; give ACCESS_KEY_ID and SECRET_ACCESS_KEY (or CREDENTIALS), or leave them out for the default AWS credential chain");
            default -> credentials(value);
        }
        return index + 1;
    }

    private void credentials(String value)
    {
        if (credentialsString) {
            throw new BasinException(SYNTAX_ERROR, "CREDENTIALS given more than once");
        }
        credentialsString = true;
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            String key = (equals < 0 ? part : part.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
            String setting = equals < 0 ? "" : part.substring(equals + 1).strip();
            switch (key) {
                case "aws_access_key_id" -> accessKeyId = once("aws_access_key_id", accessKeyId, setting);
                case "aws_secret_access_key" -> secretAccessKey = once("aws_secret_access_key", secretAccessKey, setting);
                case "token" -> sessionToken = once("token", sessionToken, setting);
                case "aws_iam_role" -> throw new BasinException(FEATURE_NOT_SUPPORTED, "CREDENTIALS 'aws_iam_role=...' is not supported; give aws_access_key_id and aws_secret_access_key");
                // the key's name only: a mistyped separator could make the value part of it
                default -> throw new BasinException(INVALID_PARAMETER_VALUE, "CREDENTIALS takes aws_access_key_id, aws_secret_access_key and token, separated by ';'" + (key.length() <= 30 && key.matches("[a-z_]+") ? ", not \"" + key + "\"" : ""));
            }
        }
    }

    private static String once(String option, String previous, String value)
    {
        if (previous != null) {
            throw new BasinException(SYNTAX_ERROR, "conflicting or redundant options: " + option + " is given twice (in CREDENTIALS and on its own?)");
        }
        if (value.isEmpty()) {
            throw new BasinException(INVALID_PARAMETER_VALUE, option + " must not be empty");
        }
        return value;
    }

    /** The options read, checked against {@code location}: they need an S3 location, and a secret needs its key id. */
    Statement.ObjectStoreAccess build(String location)
    {
        Statement.ObjectStoreAccess access = new Statement.ObjectStoreAccess(Optional.ofNullable(accessKeyId), Optional.ofNullable(secretAccessKey),
                Optional.ofNullable(sessionToken), Optional.ofNullable(region), Optional.ofNullable(endpoint));
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "ACCESS_KEY_ID and SECRET_ACCESS_KEY go together: give both or neither");
        }
        if (sessionToken != null && accessKeyId == null) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "SESSION_TOKEN needs ACCESS_KEY_ID and SECRET_ACCESS_KEY");
        }
        if (endpoint != null && !endpoint.matches("(?i)https?://[^\\s/]+(/.*)?")) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "ENDPOINT must be an http:// or https:// URL");
        }
        if (!access.isEmpty() && !Statement.ObjectStoreAccess.isObjectStore(location)) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, CREDENTIALS, REGION and ENDPOINT apply to s3:// and s3a:// locations only");
        }
        return access;
    }
}
