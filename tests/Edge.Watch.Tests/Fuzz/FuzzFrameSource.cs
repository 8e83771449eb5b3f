using Edge.Watch.Link;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>The frame sequence of one seed: the corpus in capture order, each frame mutated and, half
/// the time, followed by itself unmutated so TCP streams, DNS-over-TCP and TLS reassembly and IP
/// fragment reassembly stay reachable. The same seed always gives the same sequence.</summary>
public sealed class FuzzFrameSource
{
    private readonly IReadOnlyList<FuzzSeed> _seeds;
    private readonly Random _random;
    private readonly FrameMutator _mutator;
    private readonly FuzzClock _clock;
    private readonly byte[] _buffer = new byte[FrameMutator.MaxFrame];
    private FuzzSeed? _pendingOriginal;
    private int _cursor;

    public FuzzFrameSource(int seed, IReadOnlyList<FuzzSeed> seeds)
    {
        _seeds = seeds;
        _random = new Random(seed);
        _mutator = new FrameMutator(_random, seeds);
        _clock = new FuzzClock(_random);
    }

    public MutationLog Log { get; } = new();

    public long Mutated { get; private set; }

    public long Total { get; private set; }

    /// <summary>True when the last frame was the unmutated copy of the one before it.</summary>
    public bool LastWasOriginal { get; private set; }

    public ReadOnlySpan<byte> Next(out LinkType linkType, out long timestampMicros)
    {
        Total++;
        timestampMicros = _clock.Next();
        if (_pendingOriginal is { } original)
        {
            _pendingOriginal = null;
            LastWasOriginal = true;
            linkType = original.LinkType;
            return original.Data;
        }
        var seed = _seeds[_cursor];
        _cursor = _cursor + 1 == _seeds.Count ? 0 : _cursor + 1;
        var length = _mutator.Mutate(seed, _buffer, Log);
        _pendingOriginal = _random.Next(2) == 0 ? seed : null;
        Mutated++;
        LastWasOriginal = false;
        linkType = seed.LinkType;
        return _buffer.AsSpan(0, length);
    }
}
