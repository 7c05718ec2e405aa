"""What tests share: bodies generated from the spec, and test doubles."""
