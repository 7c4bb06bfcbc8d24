"""The media API follows the page's rules: galleries, their items and files, nested under the meeting."""


def test_the_gallery_list_paginates_and_hides_restricted_items(gallery, anonymous, client_for, gt_official):
    data = anonymous.get("/api/v1/media/galleries").json()
    assert data["count"] == 1
    assert data["results"][0]["item_count"] == 1
    assert client_for(gt_official).get("/api/v1/media/galleries").json()["results"][0]["item_count"] == 3


def test_a_gallery_lists_only_the_files_the_caller_may_fetch(gallery, anonymous, client_for, st_officer):
    uid = gallery["gallery"].uid
    data = anonymous.get(f"/api/v1/media/galleries/{uid}").json()
    assert [i["uid"] for i in data["items"]] == [str(gallery["opening"].uid)]
    roles = {f["role"] for f in data["items"][0]["files"]}
    assert roles == {"thumb", "web", "large"} or roles == {"thumb", "web"}
    staff = client_for(st_officer).get(f"/api/v1/media/galleries/{uid}").json()
    assert "original" in {f["role"] for i in staff["items"] for f in i["files"]}


def test_the_meetings_media_is_nested_under_it(gallery, anonymous, client_for, gt_official):
    slug = gallery["gallery"].meeting.slug
    member = client_for(gt_official).get(f"/api/v1/meetings/{slug}/media")
    assert member.status_code == 200 and member.json()["count"] == 1
    missing = anonymous.get("/api/v1/meetings/no-such-meeting/media")
    assert missing.status_code == 404 and "detail" in missing.json()
    assert anonymous.get("/api/v1/media/galleries/6f1c8a8e-2b7b-4a8e-9d52-0c5d3f6a1b2c").status_code == 404
