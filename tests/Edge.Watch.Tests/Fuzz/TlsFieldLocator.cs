using System.Buffers.Binary;
using Edge.Watch.Decoding;
using Edge.Watch.Tls;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>TLS fields: record length (RFC 8446 §5.1), handshake length, and when the ClientHello
/// lies whole in this segment its session id, cipher suites, compression, extensions and each
/// extension's length (§4.1.2).</summary>
public static class TlsFieldLocator
{
    private const int MaxExtensions = 24;

    public static void Add(FieldList fields, byte[] frame, int payload, int length)
    {
        fields.U16("tls.record_length", payload + 3);
        fields.Byte("tls.handshake_type", payload + 5);
        fields.Add("tls.handshake_length", payload + 6, 3, 0xFFFFFF);
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        if (ClientHelloReader.TryParse(frame.AsSpan(payload, length), scratch, out var hello, out _) != ParseStatus.Done)
            return;
        var random = SpanOffset.Of(frame, hello.Random);
        if (random < 0)
            return; // stitched from several records into scratch
        var at = random + 32;
        fields.Byte("tls.session_id_length", at);
        at += 1 + frame[at];
        fields.U16("tls.cipher_suites_length", at);
        at += 2 + BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(at));
        fields.Byte("tls.compression_length", at);
        at += 1 + frame[at];
        var extensions = SpanOffset.Of(frame, hello.Extensions);
        if (extensions < 0)
            return;
        fields.U16("tls.extensions_length", extensions - 2);
        var count = 0;
        foreach (var extension in hello.EnumerateExtensions())
        {
            if (count++ == MaxExtensions)
                break;
            var data = SpanOffset.Of(frame, extension.Data);
            if (data < 0)
                continue;
            fields.U16("tls.extension_length", data - 2);
            // The inner list length of server_name, ALPN and supported_groups, and the host_name length.
            if (extension.Type is TlsExtensionType.ServerName or TlsExtensionType.Alpn or TlsExtensionType.SupportedGroups)
                fields.U16("tls.extension_list_length", data);
            if (extension.Type == TlsExtensionType.ServerName)
                fields.U16("tls.host_name_length", data + 3);
            if (extension.Type == TlsExtensionType.SupportedVersions)
                fields.Byte("tls.supported_versions_length", data);
        }
    }
}
