using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// The booking engine: services, resources, staff profiles and their exceptions, participants' credentials,
/// appointments with their bookings, participants and resource allocations, and the client ledger. On PostgreSQL
/// an exclusion constraint makes two scheduled appointments of one staff member overlapping (buffers included)
/// impossible, whatever the application does.
/// </summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122120000_Booking")]
public sealed class BookingMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateCatalogue(migrationBuilder);
        CreatePackages(migrationBuilder);
        CreateStaff(migrationBuilder);
        CreateAppointments(migrationBuilder);
        CreateLedger(migrationBuilder);
        foreach (var table in Tables)
        {
            migrationBuilder.ProtectTenantTable(table);
        }

        if (migrationBuilder.IsNpgsql())
        {
            // btree_gist lets a GiST index compare uuids with '=' next to the range overlap; it is a trusted extension.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql($"""
                ALTER TABLE appointments ADD CONSTRAINT {StaffNoOverlap}
                EXCLUDE USING gist (tenant_id WITH =, staff_membership_id WITH =, tstzrange(occupied_from, occupied_to) WITH &&)
                WHERE (status = 'Scheduled');
                """);
        }

        migrationBuilder.GrantApplicationRole();
    }

    /// <summary>The exclusion constraint's name, which the booking code recognises in a violation.</summary>
    public const string StaffNoOverlap = "appointments_staff_no_overlap";

    private static readonly string[] Tables =
        ["services", "resources", "staff_profiles", "staff_exceptions", "credentials", "appointments", "bookings", "booking_participants", "resource_allocations", "ledger_entries", "waitlist_entries", "packages", "client_packages", "credit_uses", "booking_messages"];

    private static void CreateCatalogue(MigrationBuilder m)
    {
        m.CreateTable(
            name: "services",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                description = table.Column<string>(maxLength: 2000, nullable: true),
                duration_minutes = table.Column<int>(nullable: false),
                buffer_before_minutes = table.Column<int>(nullable: false),
                buffer_after_minutes = table.Column<int>(nullable: false),
                capacity = table.Column<int>(nullable: false),
                slot_step_minutes = table.Column<int>(nullable: false),
                price_minor = table.Column<long>(nullable: false),
                deposit_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                required_skills = table.Column<string>(maxLength: 2000, nullable: false),
                required_resource_types = table.Column<string>(maxLength: 2000, nullable: false),
                required_credentials = table.Column<string>(maxLength: 2000, nullable: false),
                minimum_notice_minutes = table.Column<int>(nullable: false),
                maximum_days_ahead = table.Column<int>(nullable: false),
                free_cancellation_hours = table.Column<int>(nullable: false),
                late_cancellation_fee_minor = table.Column<long>(nullable: false),
                no_show_fee_minor = table.Column<long>(nullable: false),
                archived = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_services", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_services_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "resources",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                type = table.Column<string>(maxLength: 50, nullable: false),
                units = table.Column<int>(nullable: false),
                archived = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_resources", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_resources_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "credentials",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 50, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: false),
                expires_on = table.Column<DateOnly>(nullable: true),
                note = table.Column<string>(maxLength: 500, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_credentials", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_credentials_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_credentials_tenant_id_athlete_id", "credentials", ["tenant_id", "athlete_id"]);
    }

    private static void CreatePackages(MigrationBuilder m)
    {
        m.CreateTable(
            name: "packages",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                sessions = table.Column<int>(nullable: false),
                valid_days = table.Column<int>(nullable: true),
                price_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                service_ids = table.Column<string>(maxLength: 8000, nullable: false),
                archived = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_packages", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_packages_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
            });

        m.CreateTable(
            name: "client_packages",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                package_id = table.Column<Guid>(nullable: false),
                client_athlete_id = table.Column<Guid>(nullable: true),
                client_membership_id = table.Column<Guid>(nullable: true),
                name = table.Column<string>(maxLength: 200, nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                sessions = table.Column<int>(nullable: false),
                service_ids = table.Column<string>(maxLength: 8000, nullable: false),
                valid_from = table.Column<DateOnly>(nullable: false),
                valid_until = table.Column<DateOnly>(nullable: true),
                price_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_client_packages", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_client_packages_packages_tenant_id_package_id", x => new { x.tenant_id, x.package_id }, "packages", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_client_packages_athletes_tenant_id_client_athlete_id", x => new { x.tenant_id, x.client_athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_client_packages_memberships_tenant_id_client_membership_id", x => new { x.tenant_id, x.client_membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_client_packages_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)");
            });
        m.CreateIndex("IX_client_packages_tenant_id_package_id", "client_packages", ["tenant_id", "package_id"]);
        m.CreateIndex("IX_client_packages_tenant_id_client_athlete_id", "client_packages", ["tenant_id", "client_athlete_id"]);
        m.CreateIndex("IX_client_packages_tenant_id_client_membership_id", "client_packages", ["tenant_id", "client_membership_id"]);
    }

    private static void CreateStaff(MigrationBuilder m)
    {
        m.CreateTable(
            name: "staff_profiles",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                membership_id = table.Column<Guid>(nullable: false),
                time_zone = table.Column<string>(maxLength: 100, nullable: false),
                skills = table.Column<string>(maxLength: 2000, nullable: false),
                service_ids = table.Column<string>(maxLength: 8000, nullable: false),
                weekly_hours = table.Column<string>(maxLength: 8000, nullable: false),
                bookable = table.Column<bool>(nullable: false),
                calendar_token = table.Column<string>(maxLength: 64, nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_staff_profiles", x => new { x.tenant_id, x.membership_id });
                table.ForeignKey("FK_staff_profiles_memberships_tenant_id_membership_id", x => new { x.tenant_id, x.membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_staff_profiles_calendar_token", "staff_profiles", "calendar_token", unique: true);

        m.CreateTable(
            name: "staff_exceptions",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                membership_id = table.Column<Guid>(nullable: false),
                date = table.Column<DateOnly>(nullable: false),
                start = table.Column<TimeOnly>(nullable: true),
                end = table.Column<TimeOnly>(nullable: true),
                available = table.Column<bool>(nullable: false),
                reason = table.Column<string>(maxLength: 200, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_staff_exceptions", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_staff_exceptions_staff_profiles_tenant_id_membership_id", x => new { x.tenant_id, x.membership_id }, "staff_profiles", ["tenant_id", "membership_id"], onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_staff_exceptions_tenant_id_membership_id_date", "staff_exceptions", ["tenant_id", "membership_id", "date"]);
    }

    private static void CreateAppointments(MigrationBuilder m)
    {
        m.CreateTable(
            name: "appointments",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                service_id = table.Column<Guid>(nullable: false),
                staff_membership_id = table.Column<Guid>(nullable: false),
                starts_at = table.Column<DateTime>(nullable: false),
                ends_at = table.Column<DateTime>(nullable: false),
                occupied_from = table.Column<DateTime>(nullable: false),
                occupied_to = table.Column<DateTime>(nullable: false),
                capacity = table.Column<int>(nullable: false),
                seats_taken = table.Column<int>(nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                cancelled_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_appointments", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_appointments_services_tenant_id_service_id", x => new { x.tenant_id, x.service_id }, "services", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_appointments_staff_profiles_tenant_id_staff_membership_id", x => new { x.tenant_id, x.staff_membership_id }, "staff_profiles", ["tenant_id", "membership_id"], onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_appointments_seats", "seats_taken >= 0 AND seats_taken <= capacity");
            });
        m.CreateIndex("IX_appointments_tenant_id_staff_membership_id_starts_at", "appointments", ["tenant_id", "staff_membership_id", "starts_at"]);
        m.CreateIndex("IX_appointments_tenant_id_service_id_starts_at", "appointments", ["tenant_id", "service_id", "starts_at"]);

        m.CreateTable(
            name: "bookings",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                appointment_id = table.Column<Guid>(nullable: false),
                client_athlete_id = table.Column<Guid>(nullable: true),
                client_membership_id = table.Column<Guid>(nullable: true),
                booked_by_membership_id = table.Column<Guid>(nullable: false),
                seats = table.Column<int>(nullable: false),
                price_minor = table.Column<long>(nullable: false),
                deposit_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                idempotency_key = table.Column<string>(maxLength: 100, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                cancelled_at = table.Column<DateTime>(nullable: true),
                fee_minor = table.Column<long>(nullable: true),
                series_id = table.Column<Guid>(nullable: true),
                client_package_id = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_bookings", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_bookings_appointments_tenant_id_appointment_id", x => new { x.tenant_id, x.appointment_id }, "appointments", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_bookings_athletes_tenant_id_client_athlete_id", x => new { x.tenant_id, x.client_athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_bookings_memberships_tenant_id_client_membership_id", x => new { x.tenant_id, x.client_membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_bookings_client_packages_tenant_id_client_package_id", x => new { x.tenant_id, x.client_package_id }, "client_packages", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_bookings_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)");
            });
        m.CreateIndex("IX_bookings_tenant_id_appointment_id", "bookings", ["tenant_id", "appointment_id"]);
        m.CreateIndex("IX_bookings_tenant_id_client_athlete_id", "bookings", ["tenant_id", "client_athlete_id"]);
        m.CreateIndex("IX_bookings_tenant_id_client_membership_id", "bookings", ["tenant_id", "client_membership_id"]);
        m.CreateIndex("IX_bookings_tenant_id_booked_by_membership_id_idempotency_key", "bookings", ["tenant_id", "booked_by_membership_id", "idempotency_key"], unique: true);
        m.CreateIndex("IX_bookings_tenant_id_series_id", "bookings", ["tenant_id", "series_id"]);
        m.CreateIndex("IX_bookings_tenant_id_client_package_id", "bookings", ["tenant_id", "client_package_id"]);

        m.CreateTable(
            name: "credit_uses",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                client_package_id = table.Column<Guid>(nullable: false),
                booking_id = table.Column<Guid>(nullable: false),
                seats = table.Column<int>(nullable: false),
                date = table.Column<DateOnly>(nullable: false),
                period_start = table.Column<DateOnly>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                returned_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_credit_uses", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_credit_uses_client_packages_tenant_id_client_package_id", x => new { x.tenant_id, x.client_package_id }, "client_packages", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_credit_uses_bookings_tenant_id_booking_id", x => new { x.tenant_id, x.booking_id }, "bookings", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_credit_uses_tenant_id_client_package_id_period_start", "credit_uses", ["tenant_id", "client_package_id", "period_start"]);
        m.CreateIndex("IX_credit_uses_tenant_id_booking_id", "credit_uses", ["tenant_id", "booking_id"]);

        m.CreateTable(
            name: "booking_messages",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                booking_id = table.Column<Guid>(nullable: false),
                client_athlete_id = table.Column<Guid>(nullable: true),
                client_membership_id = table.Column<Guid>(nullable: true),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                subject = table.Column<string>(maxLength: 200, nullable: false),
                body = table.Column<string>(maxLength: 2000, nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_booking_messages", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_booking_messages_bookings_tenant_id_booking_id", x => new { x.tenant_id, x.booking_id }, "bookings", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_booking_messages_tenant_id_booking_id", "booking_messages", ["tenant_id", "booking_id"]);
        m.CreateIndex("IX_booking_messages_tenant_id_client_athlete_id_recorded_at", "booking_messages", ["tenant_id", "client_athlete_id", "recorded_at"]);
        m.CreateIndex("IX_booking_messages_tenant_id_client_membership_id_recorded_at", "booking_messages", ["tenant_id", "client_membership_id", "recorded_at"]);

        m.CreateTable(
            name: "waitlist_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                appointment_id = table.Column<Guid>(nullable: false),
                client_athlete_id = table.Column<Guid>(nullable: true),
                client_membership_id = table.Column<Guid>(nullable: true),
                booked_by_membership_id = table.Column<Guid>(nullable: false),
                participant_ids = table.Column<string>(maxLength: 8000, nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                booking_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                changed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_waitlist_entries", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_waitlist_entries_appointments_tenant_id_appointment_id", x => new { x.tenant_id, x.appointment_id }, "appointments", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("CK_waitlist_entries_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)");
            });
        m.CreateIndex("IX_waitlist_entries_tenant_id_appointment_id_status_created_at", "waitlist_entries", ["tenant_id", "appointment_id", "status", "created_at"]);

        m.CreateTable(
            name: "booking_participants",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                booking_id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_booking_participants", x => new { x.tenant_id, x.booking_id, x.athlete_id });
                table.ForeignKey("FK_booking_participants_bookings_tenant_id_booking_id", x => new { x.tenant_id, x.booking_id }, "bookings", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_booking_participants_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_booking_participants_tenant_id_athlete_id", "booking_participants", ["tenant_id", "athlete_id"]);

        m.CreateTable(
            name: "resource_allocations",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                appointment_id = table.Column<Guid>(nullable: false),
                resource_id = table.Column<Guid>(nullable: false),
                occupied_from = table.Column<DateTime>(nullable: false),
                occupied_to = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_resource_allocations", x => new { x.tenant_id, x.appointment_id, x.resource_id });
                table.ForeignKey("FK_resource_allocations_appointments_tenant_id_appointment_id", x => new { x.tenant_id, x.appointment_id }, "appointments", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_resource_allocations_resources_tenant_id_resource_id", x => new { x.tenant_id, x.resource_id }, "resources", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_resource_allocations_tenant_id_resource_id_occupied_from", "resource_allocations", ["tenant_id", "resource_id", "occupied_from"]);
    }

    private static void CreateLedger(MigrationBuilder m)
    {
        m.CreateTable(
            name: "ledger_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                client_athlete_id = table.Column<Guid>(nullable: true),
                client_membership_id = table.Column<Guid>(nullable: true),
                booking_id = table.Column<Guid>(nullable: true),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                amount_minor = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                note = table.Column<string>(maxLength: 500, nullable: true),
                recorded_by_membership_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ledger_entries", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_ledger_entries_athletes_tenant_id_client_athlete_id", x => new { x.tenant_id, x.client_athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ledger_entries_memberships_tenant_id_client_membership_id", x => new { x.tenant_id, x.client_membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ledger_entries_bookings_tenant_id_booking_id", x => new { x.tenant_id, x.booking_id }, "bookings", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.CheckConstraint("CK_ledger_entries_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)");
            });
        m.CreateIndex("IX_ledger_entries_tenant_id_client_athlete_id", "ledger_entries", ["tenant_id", "client_athlete_id"]);
        m.CreateIndex("IX_ledger_entries_tenant_id_client_membership_id", "ledger_entries", ["tenant_id", "client_membership_id"]);
        m.CreateIndex("IX_ledger_entries_tenant_id_booking_id", "ledger_entries", ["tenant_id", "booking_id"]);
    }
}
