#pragma once
// Something a screen asked for that arrives later (from the store's worker, the office, a device).
#include <cstdint>
#include <optional>
#include <string>

#include "common/error.hpp"

namespace dc::ui {

template <class T>
struct Loadable {
    bool loading = false;
    std::optional<T> value;
    std::string error;  // for the log; people see a plain sentence from the catalog
    uint64_t request = 0;  // the request whose answer is wanted; older answers are dropped

    // Marks a new request and returns its number, for the answer to quote back to accept().
    uint64_t start() {
        loading = true;
        error.clear();
        return ++request;
    }
    // Takes an answer if it belongs to the newest request; returns false (and changes nothing)
    // for an answer that a newer request has overtaken.
    bool accept(uint64_t answerTo, Expected<T> result) {
        if (answerTo != request) return false;
        loading = false;
        if (result)
            value = std::move(*result);
        else
            error = result.error().message();
        return true;
    }
};

}  // namespace dc::ui
