using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Edge.Service.StatusPage.Http;

namespace Edge.Service.StatusPage;

/// <summary>HTTP Basic, with the failed-login limit in front of the password check.</summary>
internal sealed class BasicAuthentication(StatusPagePassword password, FailedLoginLimiter limiter)
{
    public const string Challenge = "Basic realm=\"Edge sensor\", charset=\"UTF-8\"";

    private static readonly byte[] s_user = Encoding.UTF8.GetBytes(StatusPagePassword.User);

    /// <summary>The refusal to send, or null when the request carries the admin's password.</summary>
    public HttpResponse? Refuse(HttpRequestHead request, IPAddress client)
    {
        var wait = limiter.RetryAfter(client);
        if (wait > TimeSpan.Zero)
        {
            return HttpResponse.Text(429, "too many wrong passwords: try again later\n",
                headers: new KeyValuePair<string, string>("Retry-After", Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }
        if (request.Authorization.Count == 0)
            return Unauthorized("user and password needed\n");
        if (request.Authorization.Count == 1 && BasicCredentials.TryParse(request.Authorization[0], out var user, out var given) && Accepts(user, given))
            return null;

        limiter.Failed(client);
        return Unauthorized("wrong user or password\n");
    }

    private bool Accepts(string user, string given)
    {
        // Both checks run whatever the user, so the time taken does not tell whether it was right.
        var userMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user), s_user);
        return password.Verify(given) & userMatches;
    }

    private static HttpResponse Unauthorized(string message) =>
        HttpResponse.Text(401, message, headers: new KeyValuePair<string, string>("WWW-Authenticate", Challenge));
}
