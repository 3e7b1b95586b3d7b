// Test fixture for the service tests: a fresh SQLite store in a temporary
// folder of its own, removed after the test. Derive, open the store in SetUp
// and import what the test needs.
//
//   class MyTest : public testing::StoreFixture {
//     void SetUp() override { ASSERT_NO_FATAL_FAILURE(OpenStore("ponte_my_test_", "my.db")); }
//   };
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace ponte::service::testing {

class StoreFixture : public ::testing::Test {
 protected:
  // Makes a fresh folder named after `prefix` and the test and creates the
  // database `file` in it as store_. Fails the test (fatally) when it cannot.
  void OpenStore(std::string_view prefix, std::string_view file) {
    dir_ = std::filesystem::temp_directory_path() /
           (std::string(prefix) + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = Store::Open((dir_ / file).string(), {.create_if_missing = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace ponte::service::testing
