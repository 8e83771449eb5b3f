using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet;

namespace Edge.Uplink.Mqtt;

/// <summary>Turns what a failed connect threw or answered into one line a technician can act on.</summary>
public static class ConnectFailure
{
    public static string Describe(MqttClientConnectResult result) => result.ResultCode switch
    {
        MqttClientConnectResultCode.BadUserNameOrPassword => "broker refused: bad username or password",
        MqttClientConnectResultCode.NotAuthorized => "broker refused: not authorized",
        MqttClientConnectResultCode.ClientIdentifierNotValid => "broker refused: client id not valid",
        MqttClientConnectResultCode.UnsupportedProtocolVersion => "broker refused: unsupported MQTT version (try ProtocolVersion 3.1.1)",
        _ => $"broker refused: {result.ResultCode}{(string.IsNullOrEmpty(result.ReasonString) ? "" : " (" + result.ReasonString + ")")}",
    };

    /// <param name="refusedCertificate">Why our own check refused the broker's certificate, if it did.</param>
    /// <param name="tls">Whether the link is TLS.</param>
    /// <param name="clientCertificateFile">Our client certificate, when one is configured.</param>
    public static string Describe(Exception exception, string? refusedCertificate, bool tls, string? clientCertificateFile)
    {
        if (refusedCertificate is not null)
            return "TLS: " + refusedCertificate;
        var text = AllMessages(exception);
        // TLS alert 116 (RFC 8446 §6.2): the broker wants a client certificate.
        if (tls && text.Contains("certificate required", StringComparison.OrdinalIgnoreCase))
        {
            return clientCertificateFile is null
                ? $"broker refused: client certificate required (set ClientCertificateFile and ClientKeyFile) [{Innermost(exception).Message}]"
                : $"broker refused our client certificate {clientCertificateFile} [{Innermost(exception).Message}]";
        }

        var socket = Find<SocketException>(exception);
        if (tls && socket is { SocketErrorCode: SocketError.NotConnected or SocketError.ConnectionReset })
        {
            // The broker hung up before its TLS alert could be read.
            return clientCertificateFile is null
                ? "broker closed the connection during the TLS handshake (no client certificate is configured: does the broker require one?)"
                : $"broker closed the connection during the TLS handshake (does it accept the client certificate {clientCertificateFile}?)";
        }

        if (socket is not null)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused (nothing listens on the broker port)",
                SocketError.TimedOut => "TCP connect timed out",
                SocketError.HostNotFound or SocketError.NoData => "broker host not found",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "broker unreachable",
                _ => $"network: {socket.SocketErrorCode}",
            };
        }

        var authentication = Find<AuthenticationException>(exception);
        if (tls && (authentication is not null || Find<IOException>(exception) is not null || text.Contains("SSL", StringComparison.OrdinalIgnoreCase)))
        {
            // A broker that requires a client certificate lets the TLS 1.3 handshake finish and then
            // closes the session with an alert (certificate required) or without a word.
            if (clientCertificateFile is null)
                return $"broker refused: client certificate required (set ClientCertificateFile and ClientKeyFile) [{Innermost(exception).Message}]";
            if (text.Contains("certificate", StringComparison.OrdinalIgnoreCase) || text.Contains("alert", StringComparison.OrdinalIgnoreCase)
                || text.Contains("EOF", StringComparison.OrdinalIgnoreCase) || text.Contains("reset", StringComparison.OrdinalIgnoreCase))
                return $"broker refused our client certificate {clientCertificateFile} [{Innermost(exception).Message}]";
            return $"TLS: handshake failed [{Innermost(exception).Message}]";
        }

        if (exception is OperationCanceledException || Find<TimeoutException>(exception) is not null
            || exception.GetType().Name.Contains("TimedOut", StringComparison.Ordinal))
            return "no CONNACK within the connect timeout";
        return $"{Innermost(exception).GetType().Name}: {Innermost(exception).Message}";
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
                return found;
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
            e = e.InnerException;
        return e;
    }

    private static string AllMessages(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
            parts.Add(e.Message);
        return string.Join(" | ", parts);
    }
}
