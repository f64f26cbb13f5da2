"""Generated protobuf code is committed and must match what protoc makes from the .proto files."""
from stack.protos import stale_files


def test_generated_code_is_up_to_date():
    assert stale_files() == [], "run `make protos` and commit the result"
