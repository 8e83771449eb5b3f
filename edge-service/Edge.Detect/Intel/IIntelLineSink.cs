using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>Receives what <see cref="IntelLineParser"/> finds on one line. Spans are valid only
/// during the call. An empty <c>category</c> means the line had no category column.</summary>
public interface IIntelLineSink
{
    void Domain(ReadOnlySpan<byte> name, ReadOnlySpan<byte> category);

    void Cidr(IpAddr network, int prefixLength, ReadOnlySpan<byte> category);

    /// <summary>An RPZ trigger name (validated, without <c>*.</c> and origin) with its policy action.</summary>
    void RpzName(ReadOnlySpan<byte> name, IntelScope scope, IntelAction action);

    /// <summary>One A or AAAA record of RPZ local data; a name's records together are its answer.</summary>
    void RpzLocalData(ReadOnlySpan<byte> name, IntelScope scope, IpAddr address);

    /// <summary>The line (or one name on it) was not taken; bad or unsupported, see the reason.</summary>
    void Rejected(IntelLineError reason);
}
