namespace Edge.Watch.Tls;

/// <summary>Why a ClientHello was rejected; counted against <c>DecodeLayer.Tls</c>.</summary>
public enum TlsError : byte
{
    None = 0,
    NotHandshake,
    NotClientHello,
    RecordTooLong,
    HandshakeTooLong,
    Truncated,
    BadSessionId,
    BadCipherSuites,
    BadCompression,
    BadExtensions,
    BadServerName,
    BadAlpn,
    BadSupportedVersions,
}
