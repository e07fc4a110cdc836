namespace EksAccessMigrator.Aws.Errors;

/// <summary>Maps AWS error codes (JSON and Query protocols) to the typed exception family.</summary>
public static class AwsErrorMapper
{
    public static AwsServiceException Create(AwsErrorDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details.ErrorCode switch
        {
            "ResourceNotFoundException" or "NoSuchEntity" or "NotFoundException" => new AwsResourceNotFoundException(details),
            "ResourceInUseException" or "EntityAlreadyExists" or "DeleteConflict" or "ResourceAlreadyExistsException" => new AwsResourceInUseException(details),
            "MalformedPolicyDocument" => new AwsMalformedPolicyDocumentException(details),
            "InvalidParameterException" or "InvalidInput" or "ValidationError" or "ValidationException" or "InvalidParameterValue" => new AwsInvalidParameterException(details),
            "InvalidRequestException" or "BadRequestException" or "UnsupportedAvailabilityZoneException" => new AwsInvalidRequestException(details),
            "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" or "ExpiredToken" or "ExpiredTokenException"
                or "InvalidClientTokenId" or "UnrecognizedClientException" or "SignatureDoesNotMatch" or "IncompleteSignature"
                or "InvalidSignatureException" or "MissingAuthenticationToken" => new AwsAccessDeniedException(details),
            "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "RequestLimitExceeded"
                or "ThrottledException" or "RequestThrottled" or "SlowDown" => new AwsThrottlingException(details),
            "LimitExceeded" or "LimitExceededException" or "ResourceLimitExceededException" => new AwsLimitExceededException(details),
            "ServerException" or "ServiceUnavailableException" or "ServiceUnavailable" or "ServiceFailure"
                or "InternalFailure" or "InternalError" or "InternalServerError" => new AwsServerException(details),
            _ when details.StatusCode == 429 => new AwsThrottlingException(details),
            _ when details.StatusCode >= 500 => new AwsServerException(details),
            _ when details.StatusCode == 404 => new AwsResourceNotFoundException(details),
            _ when details.StatusCode is 401 or 403 => new AwsAccessDeniedException(details),
            _ => new AwsServiceException(details),
        };
    }

    /// <summary>Strips the namespace prefix ("aws.eks#X") and anything after ':' from an error type.</summary>
    public static string NormaliseCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return (hash >= 0 ? code[(hash + 1)..] : code).Trim();
    }
}
