namespace McpPlatform.OpenApi.Runtime;

/// <summary>Why a call to an API did not produce a response the caller can use.</summary>
public enum OpenApiCallFailure
{
    /// <summary>The arguments cannot make a request (a required one missing, a path value that would leave the base URL).</summary>
    Arguments,

    /// <summary>The API could not be reached (connection refused, DNS, TLS, reset).</summary>
    Unreachable,

    /// <summary>The call took longer than the API's Timeout or AttemptTimeout.</summary>
    Timeout,

    /// <summary>The API redirected off its base URL, or more often than MaxRedirects.</summary>
    Redirect,

    /// <summary>The response body was larger than MaxResponseBytes.</summary>
    TooLarge,
}

/// <summary>
/// A call that failed before a usable response: the message is written for the caller (the model) and names the API,
/// the operation and the setting involved, never a credential, a query string or the API's own exception text.
/// </summary>
public sealed class OpenApiCallException(OpenApiCallFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong, for the audit record and tests.</summary>
    public OpenApiCallFailure Failure { get; } = failure;
}
