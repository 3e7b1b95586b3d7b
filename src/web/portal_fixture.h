// Test fixture for the portal in process: App::Handle with the portal
// installed on a temporary SQLite store (no server, no browser, no background
// thread). Shared by the portal tests; each derives, imports its own data and
// makes its own accounts.
//
//   class MyPortalTest : public PortalFixture {
//     void SetUp() override { ASSERT_NO_FATAL_FAILURE(StartPortal("ponte_my_test_", Data())); }
//   };
//   api::HttpResponse page = Call("GET", "/");
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "api/app.h"
#include "web/portal.h"

namespace ponte::web {

inline constexpr std::string_view kPassword = "correct horse battery";

class PortalFixture : public ::testing::Test {
 protected:
  // Makes a fresh folder named after `prefix` and the test, imports `data`
  // into a new store there and creates the app on it with the portal
  // installed. Fails the test (fatally) when any step fails.
  void StartPortal(std::string_view prefix, const Dataset& data) {
    dir_ = std::filesystem::temp_directory_path() /
           (std::string(prefix) + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const std::string db = (dir_ / "portal.db").string();
    {
      auto store = Store::Open(db, {.create_if_missing = true});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      ASSERT_TRUE((*store)->Import(data, {}).ok());
    }
    api::AppOptions options;
    options.db = db;
    options.data_dir = PONTE_DATA_DIR;
    options.background = false;
    options.accounts.cost = service::kPasswordCostForTests;
    options.extensions.push_back([](api::App& app) { InstallPortal(app); });
    auto app = api::App::Create(options);
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(*app);
  }

  void TearDown() override {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }

  // One request from 10.0.0.1; a non-empty `form` is sent url-encoded.
  api::HttpResponse Call(const std::string& method, const std::string& target,
                         const std::string& form = "", const std::string& cookie = "") {
    api::HttpRequest request;
    request.method = method;
    request.target = target;
    request.body = form;
    request.remote_address = "10.0.0.1";
    if (!form.empty()) {
      request.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    }
    if (!cookie.empty()) request.headers.emplace_back("cookie", cookie);
    return app_->Handle(request);
  }

  std::filesystem::path dir_;
  std::unique_ptr<api::App> app_;
};

}  // namespace ponte::web
