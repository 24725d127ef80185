-- 0001 Initial (SQLite): units, projects, indicators, audit log, Identity, data-protection keys.
-- Started from the model's create script (SchemaScriptTests, JIXIAO_WRITE_SCHEMA), then edited by hand.

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "audit_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Entity" TEXT NOT NULL,
    "EntityId" INTEGER NOT NULL,
    "ProjectId" INTEGER NULL,
    "Field" TEXT NOT NULL,
    "OldValue" TEXT NULL,
    "NewValue" TEXT NULL,
    "Reason" TEXT NULL
);


CREATE TABLE "data_protection_keys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);


CREATE TABLE "units" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_units" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Department" TEXT NULL,
    "StatedTotalFen" INTEGER NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "projects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_projects" PRIMARY KEY AUTOINCREMENT,
    "UnitId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "FiscalYear" INTEGER NULL,
    "SourceMoneyUnit" TEXT NOT NULL,
    "TotalFen" INTEGER NULL,
    "FiscalFen" INTEGER NULL,
    "FiscalSpecialFen" INTEGER NULL,
    "OtherFen" INTEGER NULL,
    "Goal" TEXT NOT NULL,
    "PeriodGoal" TEXT NULL,
    "AnnualGoal" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Source" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_projects_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);


CREATE TABLE "user_units" (
    "UserId" TEXT NOT NULL,
    "UnitId" INTEGER NOT NULL,
    CONSTRAINT "PK_user_units" PRIMARY KEY ("UserId", "UnitId"),
    CONSTRAINT "FK_user_units_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_user_units_units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "units" ("Id") ON DELETE CASCADE
);


CREATE TABLE "indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_indicators" PRIMARY KEY AUTOINCREMENT,
    "ProjectId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Number" INTEGER NULL,
    "Level1Code" TEXT NULL,
    "Level2Code" TEXT NULL,
    "Level1Text" TEXT NULL,
    "Level2Text" TEXT NULL,
    "Name" TEXT NOT NULL,
    "MeasureUnit" TEXT NULL,
    "Weight" TEXT NULL,
    "ScoringRule" TEXT NULL,
    "PeriodText" TEXT NULL,
    "PeriodKind" TEXT NULL,
    "PeriodComparator" TEXT NULL,
    "PeriodImplicit" INTEGER NOT NULL,
    "PeriodValue" TEXT NULL,
    "PeriodMax" TEXT NULL,
    "PeriodUnit" TEXT NULL,
    "PeriodDirection" TEXT NULL,
    "AnnualText" TEXT NULL,
    "AnnualKind" TEXT NULL,
    "AnnualComparator" TEXT NULL,
    "AnnualImplicit" INTEGER NOT NULL,
    "AnnualValue" TEXT NULL,
    "AnnualMax" TEXT NULL,
    "AnnualUnit" TEXT NULL,
    "AnnualDirection" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_indicators_projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "projects" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_audit_log_Entity_EntityId" ON "audit_log" ("Entity", "EntityId");


CREATE INDEX "IX_audit_log_ProjectId" ON "audit_log" ("ProjectId");


CREATE INDEX "IX_indicators_ProjectId_Position" ON "indicators" ("ProjectId", "Position");


CREATE INDEX "IX_projects_Name" ON "projects" ("Name");


CREATE INDEX "IX_projects_Status" ON "projects" ("Status");


CREATE INDEX "IX_projects_TotalFen" ON "projects" ("TotalFen");


CREATE INDEX "IX_projects_UnitId_Name" ON "projects" ("UnitId", "Name");


CREATE UNIQUE INDEX "IX_units_Name" ON "units" ("Name");


CREATE INDEX "IX_user_units_UnitId" ON "user_units" ("UnitId");


-- The audit log is append-only, also for anyone who connects to the database directly.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
