package io.lumasync.destination.s3;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.HttpErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.time.Duration;

/**
 * Classifies AWS SDK failures for the engine, in plain words. S3 error codes are documented at
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html ; HEAD answers carry no body, so the
 * HTTP status decides when there is no code.
 */
final class S3Errors {
    private S3Errors() {
    }

    /**
     * @param doing what was being done, e.g. "Uploading heron.avif to bucket 'photos' at r2.example.com"
     */
    static LumasyncException classify(String doing, SdkException e) {
        if (e instanceof AwsServiceException ase) {
            return fromService(doing, ase);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                LumasyncException mapped = HttpErrors.fromIo(doing, io);
                return new LumasyncException(mapped.kind(), mapped.getMessage(), e);
            }
        }
        return new LumasyncException(ErrorKind.RETRY, doing + " failed: " + e.getMessage(), e);
    }

    private static LumasyncException fromService(String doing, AwsServiceException e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        Duration retryAfter = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? null
                : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")
                .flatMap(HttpErrors::parseRetryAfter).orElse(null);
        String prefix = doing + ": ";
        return switch (code) {
            case "NoSuchBucket" -> new LumasyncException(ErrorKind.UNAVAILABLE, prefix
                    + "the bucket does not exist. Check the bucket name, the endpoint and the region.", e);
            case "InvalidAccessKeyId" -> new LumasyncException(ErrorKind.REAUTH, prefix
                    + "the access key is not known to the server. Check the access key, then reconnect.", e);
            case "SignatureDoesNotMatch" -> new LumasyncException(ErrorKind.REAUTH, prefix
                    + "the secret key does not match the access key. Enter the secret key again.", e);
            case "AccessDenied", "AllAccessDisabled", "AccountProblem" -> new LumasyncException(ErrorKind.REAUTH,
                    prefix + "access denied. Check that the key may write to this bucket.", e);
            case "ExpiredToken", "TokenRefreshRequired", "InvalidToken" -> new LumasyncException(ErrorKind.REAUTH,
                    prefix + "the credentials have expired. Reconnect with fresh keys.", e);
            case "RequestTimeTooSkewed" -> new LumasyncException(ErrorKind.UNAVAILABLE, prefix
                    + "this computer's clock is too far off. Set the date and time automatically and try again.", e);
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                    new LumasyncException(ErrorKind.UNAVAILABLE, prefix
                            + "the bucket lives in another region. Set the bucket's region in the settings.", e);
            case "EntityTooLarge", "MaxMessageLengthExceeded" -> giveUp(prefix
                    + "the file is too large for this storage. Lower the maximum size or quality.", e);
            case "AccessControlListNotSupported" -> giveUp(prefix
                    + "this bucket does not use ACLs. Clear the ACL setting of the destination.", e);
            case "SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout", "TooManyRequests" ->
                    new LumasyncException(ErrorKind.RETRY, prefix + "the storage is busy (" + code + "); will retry.",
                            retryAfter, e);
            default -> byStatus(prefix, status, code, retryAfter, e);
        };
    }

    private static LumasyncException giveUp(String message, Exception cause) {
        return new LumasyncException(ErrorKind.GIVE_UP, message, cause);
    }

    private static LumasyncException byStatus(String prefix, int status, String code, Duration retryAfter,
                                              AwsServiceException e) {
        String detail = code.isEmpty() ? "HTTP " + status : code + ", HTTP " + status;
        if (status == 401 || status == 403) {
            return new LumasyncException(ErrorKind.REAUTH, prefix + "access denied (" + detail
                    + "). Check the access key and secret key, then reconnect.", e);
        }
        if (status == 413) {
            return giveUp(prefix + "the file is too large for this storage. "
                    + "Lower the maximum size or quality.", e);
        }
        if (status == 429 || status >= 500) {
            return new LumasyncException(ErrorKind.RETRY, prefix + "the storage answered " + detail
                    + "; will retry.", retryAfter, e);
        }
        if (status == 404) {
            return giveUp(prefix + "not found (" + detail + ").", e);
        }
        return giveUp(prefix + "the storage refused the request (" + detail + ").", e);
    }
}
