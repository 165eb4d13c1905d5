/**
 * The seed plan of the demo, verbatim: the Sở Tư pháp's Kế hoạch implementing Nghị quyết
 * 57-NQ/TW (shared/seeds/004_287c31982e94b98a.txt, as text extracted from the signed document).
 * Kept as a string so that it ships inside every build, compiled or not, with nothing to copy.
 */
export const KE_HOACH_57 = String.raw`   KẾ HOẠCH  

Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ  

và Chương trình hành động số 135-CTr/TU ngày 28/02/2025 của  

Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW  

ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học,  

công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia 

 

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về 

đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc 

gia; Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương 

trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW; Chương 

trình hành động số 135-CTr/TU ngày 28/02/2025 của Ban Thường vụ Tỉnh ủy 

thực hiện Nghị quyết số 57-NQ/TW; Kế hoạch số 441/KH-UBND ngày 

01/3/2025 của UBND tỉnh, Sở Tư pháp ban hành kế hoạch thực hiện như sau: 

I. MỤC ĐÍCH, YÊU CẦU 

1. Mục đích 

- Cụ thể hóa những nhiệm vụ, giải pháp chủ yếu của Nghị quyết số Nghị 

quyết số 57-NQ/TW, Nghị quyết số 03/NQ-CP, Chương trình hành động số 135-

CTr/TU và Kế hoạch số 441/KH-UBND thành các chương trình, đề án, kế hoạch, 

phương án, nhiệm vụ, giải pháp cụ thể gắn với chức năng, nhiệm vụ của cơ quan.  

- Nâng cao nhận thức, vai trò, trách nhiệm của công chức, viên chức, người 

lao động cơ quan trong triển khai thực hiện hiệu quả các mục tiêu, nhiệm vụ và 

giải pháp đã đề ra trong Nghị quyết số 57-NQ/TW, Nghị quyết số 03/NQ-CP, 

Chương trình hành động số 135-CTr/TU và Kế hoạch số 441/KH-UBND.  

2. Yêu cầu 

Triển khai thực hiện nhiệm vụ đồng bộ, đảm bảo chủ động, kịp thời, linh hoạt, 

hiệu quả với tinh thần “tư tưởng phải thông, quyết tâm phải cao, nỗ lực phải lớn, 

hành động phải quyết liệt, có trọng tâm, trọng điểm, làm việc nào ra việc đấy, làm 

việc nào dứt việc đó”; tăng cường sự phối hợp chặt chẽ giữa các phòng, đơn vị sự 

nghiệp thuộc Sở, nâng cao chất lượng công tác tham mưu, tổng hợp. 

II. NỘI DUNG 

1. Tổ chức tuyên truyền sâu rộng về nội dung, kết quả thực hiện Nghị quyết 
 số 57-NQ/TW (xây dựng chuyên mục trên Cổng Thông tin điện tử của Sở) 

- Đơn vị thực hiện: Phòng Phổ biến, giáo dục pháp luật - Theo dõi thi hành 

pháp luật. 

- Đơn vị phối hợp: Văn phòng Sở. 

- Thời gian thực hiện: Thường xuyên. 

2. Ban hành văn bản chỉ đạo, chương trình, kế hoạch, đề án triển khai 

nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số hằng 

năm 

- Đơn vị thực hiện: Văn phòng Sở. 

- Đơn vị phối hợp: Các phòng, đơn vị sự nghiệp thuộc Sở 

- Thời gian thực hiện: Hằng năm. 

3. Bố trí cán bộ hoạt động trong lĩnh vực khoa học, công nghệ, đổi mới 

sáng tạo và chyển đổi số trong đội ngũ lãnh đạo cơ quan (tối thiểu đạt 25%) 

- Đơn vị thực hiện: Văn phòng Sở. 

- Thời gian thực hiện: Hằng năm. 

4. Xây dựng chương trình, kế hoạch phát động phong trào thi đua thực hiện 

thành công cuộc cách mạng chuyển đổi số 

- Đơn vị thực hiện: Văn phòng Sở. 

- Đơn vị phối hợp: Các phòng, đơn vị sự nghiệp thuộc Sở 

- Thời gian thực hiện: Thường xuyên. 

5. Phối hợp rà soát, đề xuất hoàn thiện các quy định pháp luật về thể chế, 

chính sách trong phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số 

- Đơn vị thực hiện: Phòng xây dựng, kiểm tra VBQPPL - QLXLVPHC 

- Đơn vị phối hợp: Các phòng, đơn vị sự nghiệp thuộc Sở 

- Thời gian thực hiện: Thường xuyên. 

6. Xây dựng danh mục các chương trình, nhiệm vụ về chuyển đổi số của cơ 

quan 

- Đơn vị thực hiện: Các phòng, đơn vị sự nghiệp thuộc Sở 

- Thời gian thực hiện: Thường xuyên. 

7. Nâng cao chất lượng cung cấp dịch vụ công trực tuyến toàn trình, thực 

hiện đánh giá chỉ số chuyển đổi số hằng năm 

- Đơn vị thực hiện: Văn phòng Sở. 

- Đơn vị phối hợp: Các phòng, đơn vị sự nghiệp thuộc Sở 

- Thời gian thực hiện: Thường xuyên. 
 III. TỔ CHỨC THỰC HIỆN 

 Các Phòng, Trung tâm trên cơ sở chức năng nhiệm vụ được giao, phát huy 

tính chủ động sáng tạo của tập thể, cá nhân tham mưu cho lãnh đạo Sở thực hiện 

tốt, hiệu quả các nội dung nhiệm vụ được phân công phụ trách.  

 Giao Văn phòng Sở chủ trì, phối hợp các phòng, đơn vị sự nghiệp thuộc Sở 

định kỳ xây dựng báo cáo kết quả thực hiện định kỳ theo quy định./. 

Nơi nhận:                            
- UBND tỉnh; 

- Sở KHCN; 

- Các phòng, Trung tâm thuộc Sở; 

- Lưu: VT. 

GIÁM ĐỐC 

 

 

 

 

 

Bùi Đức Thái 
 `;
