#include "common/error.hpp"

namespace dc {

const char* toString(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidInput: return "invalid input";
        case ErrorCode::NotFound: return "not found";
        case ErrorCode::IoError: return "i/o error";
        case ErrorCode::StoreCorrupt: return "database damaged";
        case ErrorCode::StoreTooNew: return "database too new";
        case ErrorCode::StoreError: return "database error";
        case ErrorCode::MissingResource: return "missing resource";
        case ErrorCode::Internal: return "internal error";
        case ErrorCode::Transient: return "temporary failure";
        case ErrorCode::Refused: return "refused";
        case ErrorCode::Conflict: return "conflict";
    }
    return "unknown error";
}

}  // namespace dc
