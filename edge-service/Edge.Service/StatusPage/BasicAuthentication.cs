using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Edge.Service.StatusPage;

/// <summary>HTTP Basic on every path but <c>/healthz</c>, with the failed-login limit in front of the
/// password check.</summary>
internal sealed class BasicAuthentication(RequestDelegate next, StatusPagePassword password, FailedLoginLimiter limiter)
{
    public const string Challenge = "Basic realm=\"Edge sensor\", charset=\"UTF-8\"";

    private static readonly byte[] s_user = Encoding.UTF8.GetBytes(StatusPagePassword.User);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Equals(StatusPageRoutes.Health, StringComparison.Ordinal))
            return next(context);

        var client = context.Connection.RemoteIpAddress;
        var wait = limiter.RetryAfter(client);
        if (wait > TimeSpan.Zero)
            return Refuse(context, StatusCodes.Status429TooManyRequests, "too many wrong passwords: try again later\n", wait);

        var header = context.Request.Headers.Authorization;
        if (header.Count == 0)
            return Refuse(context, StatusCodes.Status401Unauthorized, "user and password needed\n");
        if (header.Count == 1 && BasicCredentials.TryParse(header[0], out var user, out var given) && Accepts(user, given))
            return next(context);

        limiter.Failed(client);
        return Refuse(context, StatusCodes.Status401Unauthorized, "wrong user or password\n");
    }

    private bool Accepts(string user, string given)
    {
        // Both checks run whatever the user, so the time taken does not tell whether it was right.
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), s_user);
        return password.Verify(given) & userMatches;
    }

    private static Task Refuse(HttpContext context, int status, string message, TimeSpan? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = Challenge;
        if (retryAfter is { } wait)
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }
}
