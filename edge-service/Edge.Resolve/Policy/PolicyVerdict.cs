using Edge.Detect.Intel;

namespace Edge.Resolve.Policy;

/// <summary>The action and the list that caused it (null for a pass by default).</summary>
public readonly record struct PolicyVerdict(PolicyAction Action, IntelList? List)
{
    public bool Blocks => Action != PolicyAction.Pass;
}
