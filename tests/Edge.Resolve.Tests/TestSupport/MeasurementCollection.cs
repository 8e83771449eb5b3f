namespace Edge.Resolve.Tests.TestSupport;

/// <summary>Tests that measure the process (allocations, live heap) run alone: a neighbour test
/// allocating on another thread would be counted as theirs.</summary>
[CollectionDefinition(nameof(MeasurementCollection), DisableParallelization = true)]
public sealed class MeasurementCollection;
