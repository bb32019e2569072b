/// Tests reach the throwaway-cluster harness through this target.
@_exported import ThrowawayPostgres
