using System.Diagnostics;
using Edge.Firmware.Bundles;
using Edge.Firmware.Tests.TestSupport;

namespace Edge.Firmware.Tests.Bundles;

/// <summary>Verification streams: a 256 MiB bundle, generated on the fly and never held, verifies
/// with a bounded allocation (the fixed buffer, manifest and hash state, not the payload).</summary>
public sealed class BundleStreamingTests(ITestOutputHelper output)
{
    private const long PayloadBytes = 256L << 20;

    [Fact]
    public void Verifying_256_MiB_allocates_under_1_MiB()
    {
        var prefix = WritePrefix(PayloadBytes);
        var verifier = new BundleVerifier(TestBundles.Trust(), new BundlePolicy("raspberry-pi-4"));
        // Warm up: JIT, the JSON metadata and BouncyCastle's tables are one-off costs, not per bundle.
        Assert.True(verifier.Verify(Bundle(WritePrefix(0), 0)).IsAccepted);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = verifier.Verify(Bundle(prefix, PayloadBytes));
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsAccepted, result.Refusal?.ToString());
        output.WriteLine($"verify 256 MiB: {allocated:N0} bytes allocated, {PayloadBytes / 1048576.0 / clock.Elapsed.TotalSeconds:F0} MiB/s (pattern generation included)");
        Assert.True(allocated < 1 << 20, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_generated_bundle_with_one_changed_payload_byte_is_refused()
    {
        var prefix = WritePrefix(1 << 20);
        var stream = new ConcatStream(new MemoryStream(prefix), new FlipAt(new PatternStream(1 << 20), 700_000));
        var result = new BundleVerifier(TestBundles.Trust(), new BundlePolicy()).Verify(stream);
        Assert.Equal(BundleRefusalCode.HashMismatch, result.Refusal?.Code);
    }

    private static ConcatStream Bundle(byte[] prefix, long payload) =>
        new(new MemoryStream(prefix), new PatternStream(payload));

    private static byte[] WritePrefix(long payload)
    {
        var sink = new PrefixOnlyStream(64 * 1024);
        new BundleWriter(TestBundles.KeyId, TestBundles.PrivateKey).Write(sink, TestBundles.Options(),
            [new BundleSource("bin/edge-service", payload, (UnixFileMode)0x1ED, () => new PatternStream(payload))]);
        return sink.Prefix((int)(sink.Length - payload));
    }

    private sealed class FlipAt(Stream inner, long at) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            if (at >= _position && at < _position + n)
                buffer[offset + (int)(at - _position)] ^= 1;
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
