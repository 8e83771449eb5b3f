namespace Edge.Cli.Synth.Tls;

/// <summary>
/// What a ClientHello offers. <see cref="Tls13"/> gives a browser-style hello (GREASE, key_share,
/// supported_versions); otherwise an OpenSSL-style TLS 1.2-only hello without GREASE.
/// <see cref="PostQuantum"/> adds an X25519MLKEM768 key share, which pushes the hello past one segment.
/// </summary>
internal sealed record ClientHelloSpec(string? ServerName, string[] Alpn, bool Tls13, bool PostQuantum = false);
