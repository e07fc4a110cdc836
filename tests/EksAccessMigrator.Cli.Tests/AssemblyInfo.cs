// The CLI tests host the real application in-process; Cocona's host hooks process-wide events, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
